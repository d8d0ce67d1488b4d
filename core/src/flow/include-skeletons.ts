import type { StaticString } from '../ir/static-string';
import { matchesPattern } from './path-patterns';

/**
 * An include whose path starts with a folder the analysis cannot know but whose file name is
 * partly written: `include $this->GetModulePath() . '/action.' . $name . '.php'` (CMS Made
 * Simple's module actions). Where the folder is (a module's own, chosen at run time) is not
 * known, but the written skeleton is: a separator followed by a file-name start or a folder
 * name (`/action.`, `/controllers/`), more unknown text, and a literal end (`.php`). The files
 * of the project whose path ends in something that fits are the candidates; which one runs is
 * chosen at run time, so the include is a dispatch (`flow/dispatch.ts`): at the include only
 * what all of them do counts, and each is entered with the includer's lock.
 *
 * Bounded, so that an include whose target cannot be known does not fan out (issue 9, cause 5):
 * the skeleton must name something after its first separator (`'/' . $page` names nothing),
 * must have an unknown part after that written start (`getenv('ROOT') . '/remote.php'` names
 * one file in any folder: a guess, not a skeleton), must end in literal text, and may match at
 * most `MAX_SKELETON_MATCHES` files (more: the skeleton says too little to be a set of routes).
 */
export interface IncludeSkeleton {
  /** Literal pieces after the unknown folder: the first starts with `/`. */
  readonly pieces: readonly string[];
  /** Per gap between `pieces`, the variable it reads, if known. */
  readonly gaps: readonly (string | undefined)[];
}

/** More files than this fit: the skeleton names no set of routes, and nothing is resolved. */
export const MAX_SKELETON_MATCHES = 256;

/**
 * The skeleton of a path whose first part is unknown (constants already resolved, and neither
 * the document root nor the entry script's folder, which `include-paths.ts` reads itself).
 */
export function includeSkeleton(value: StaticString): IncludeSkeleton | undefined {
  const first = value[0];
  if (!first || !('unknown' in first) || first.entryScriptDirLevels !== undefined) return undefined;
  const pieces: string[] = [];
  const gaps: (string | undefined)[] = [];
  let afterGap = true;
  for (const part of value.slice(1)) {
    if ('constant' in part) return undefined;
    if ('text' in part) {
      if (afterGap) pieces.push(part.text);
      else pieces[pieces.length - 1] += part.text;
      afterGap = false;
    } else {
      // Two unknown parts in a row before anything is written: still the unknown folder.
      if (pieces.length === 0) continue;
      if (!afterGap) gaps.push('variable' in part ? part.variable : undefined);
      // Two in a row after a written piece: one gap, whose text no single variable gives.
      else gaps[gaps.length - 1] = undefined;
      afterGap = true;
    }
  }
  if (afterGap || pieces.length < 2) return undefined;
  const start = pieces[0]!;
  if (!start.startsWith('/') || start.length < 2 || start.startsWith('//')) return undefined;
  if (pieces[pieces.length - 1] === '') return undefined;
  return { pieces, gaps };
}

/** The project files (normalized paths) a skeleton fits, or none when more than the bound fit. */
export function skeletonMatches(skeleton: IncludeSkeleton, files: ReadonlySet<string>): string[] {
  const matches: string[] = [];
  for (const file of files) {
    if (!fitsSkeleton(`/${file}`, skeleton)) continue;
    matches.push(file);
    if (matches.length > MAX_SKELETON_MATCHES) return [];
  }
  return matches.sort();
}

/** Whether some tail of `path` (from a `/`) fits the skeleton; the folder before it is any. */
function fitsSkeleton(path: string, skeleton: IncludeSkeleton): boolean {
  const start = skeleton.pieces[0]!;
  for (let at = path.indexOf(start); at >= 0; at = path.indexOf(start, at + 1)) {
    if (matchesPattern(path.slice(at), skeleton.pieces, skeleton.gaps)) return true;
  }
  return false;
}
