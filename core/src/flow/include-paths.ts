import * as posix from 'node:path/posix';
import { DOCUMENT_ROOT, entryScriptDirLevels, resolveConstants, type StaticString } from '../ir/static-string';
import { codeIncludeDirs, type CodeIncludeDir } from './code-include-paths';
import { includeSkeleton, skeletonMatches } from './include-skeletons';
import { matchesPattern } from './path-patterns';

export { matchesPattern } from './path-patterns';

/**
 * Where a `require`/`include` may land, as PHP resolves it for a web request: a path from
 * `__DIR__` (or an absolute one) as is; `./x.php` and `../x.php` against PHP's working
 * directory, which for a web request is the directory of the entry script the server runs;
 * any other relative path against the include path (whose `.` is that same directory, then
 * the configured include paths) and finally the including file's own directory. The folder
 * the analysis was started from plays no part. Unknown parts (variables) turn the path into
 * a pattern matched against the project's files, each match a possible target, but only
 * when the pattern has a literal start and a literal end (`'views/' . $v . '.php'`), or,
 * after an unknown folder, a written file-name skeleton (`include-skeletons.ts`).
 */
export interface IncludeSearch {
  /** Directories (as given, relative to the working directory) searched for relative paths. */
  readonly includePaths: readonly string[];
  /**
   * The directories of the entry scripts whose requests run the including file (see
   * `entry-directories.ts`); each resolves the include on its own and the targets are
   * pooled. None known: the including file is taken to be its own entry script.
   */
  readonly entryDirs?: readonly string[];
  /** The value of a project constant (`define('ROOT', __DIR__)`), for `ROOT . '/x.php'`. */
  readonly constant?: (name: string) => StaticString | undefined;
  /**
   * The value a file gives a constant itself (not as a fallback), which its own includes see
   * before any other file's: entry scripts that each `define('ABS_PATH', …)` their own way.
   */
  readonly ownConstant?: (file: string, name: string) => StaticString | undefined;
  /**
   * The values the project's `set_include_path()` calls set. Their folders are searched after
   * every other base: a path that resolved without them resolves the same, and one that landed
   * nowhere may now land where the code said to look.
   */
  readonly setInCode?: readonly StaticString[];
}

/** A path split at its unknown parts: `['views/', '.php']` for `'views/' . $v . '.php'`. */
interface PathPattern {
  readonly pieces: readonly string[];
  /** Per gap between pieces, the variable it reads, if known: gaps of one variable match the same text. */
  readonly gaps: readonly (string | undefined)[];
  readonly anchored: boolean;
}

function toPattern(value: StaticString): PathPattern | undefined {
  const pieces: string[] = [''];
  const gaps: (string | undefined)[] = [];
  let anchored = false;
  value.forEach((part, index) => {
    if ('text' in part) {
      if (index === 0 && part.anchored) anchored = true;
      pieces[pieces.length - 1] += part.text;
    } else {
      gaps.push('variable' in part ? part.variable : undefined);
      pieces.push('');
    }
  });
  // Nothing literal at all (`include $file;`): nothing to go on. A pattern without a literal
  // start (`$dir . '/x.php'`) or end (`__DIR__ . '/' . self::FILE`) would reach unrelated files.
  if (pieces.length > 1 && (pieces[0] === '' || pieces[pieces.length - 1] === '')) return undefined;
  if (pieces.every((piece) => piece === '')) return undefined;
  return { pieces, gaps, anchored };
}

export function normalizePath(path: string): string {
  const normal = posix.normalize(path);
  return normal.startsWith('./') ? normal.slice(2) : normal;
}

/** Candidate bases for the pattern's first piece, in PHP's order, for a request entered at `entryDir`. */
function bases(pattern: PathPattern, from: string, entryDir: string, search: IncludeSearch, codeDirs: readonly CodeIncludeDir[]): string[] {
  const first = pattern.pieces[0]!;
  if (pattern.anchored || first.startsWith('/')) return [''];
  // `./x.php`, `../x.php`: PHP's working directory only, never the include path.
  if (first.startsWith('./') || first.startsWith('../') || first === '.' || first === '..') return [entryDir];
  // A folder the code names relative to the working directory is one under the entry's.
  const setInCode = codeDirs.map((code) => normalizePath(code.anchored ? code.dir : posix.join(entryDir, code.dir)));
  return [...new Set([entryDir, ...search.includePaths, posix.dirname(from), ...setInCode])];
}

/**
 * The project files an include may load. `files` are the normalized paths of every file the
 * analysis knows; exact paths outside it are returned too (the host may load them).
 */
export function includeTargets(
  value: StaticString,
  from: string,
  files: ReadonlySet<string>,
  search: IncludeSearch,
): { matches: string[]; exactMisses: string[]; patternMisses: string[][] } | undefined {
  const { constant, ownConstant } = search;
  const lookup = ownConstant ? (name: string): StaticString | undefined => ownConstant(from, name) ?? constant?.(name) : constant;
  const resolved = lookup ? resolveConstants(value, lookup) : value;
  const entryDirs = search.entryDirs && search.entryDirs.length > 0 ? search.entryDirs : [posix.dirname(from)];
  if (startsAtDocumentRoot(resolved)) return documentRootTarget(resolved, entryDirs, files);
  const levels = entryScriptDirLevels(resolved[0]);
  const shared = levels === undefined ? toPattern(resolved) : undefined;
  if (!shared && levels === undefined) {
    // A folder chosen at run time, then a written file-name skeleton: the files that fit.
    // Read from the path as written: a constant that names no known value is no folder chosen
    // at run time (`flow/dispatch.ts` tells the same from the written path).
    const skeleton = includeSkeleton(value);
    return skeleton ? { matches: skeletonMatches(skeleton, files), exactMisses: [], patternMisses: [] } : undefined;
  }
  const matches = new Set<string>();
  const exactMisses = new Set<string>();
  const patternMisses: string[][] = [];
  const codeDirs = (search.setInCode ?? []).flatMap((value) => codeIncludeDirs(value, search.constant));
  // Each entry script's request finds its own first match; the targets are pooled.
  for (const entryDir of entryDirs) {
    // `dirname($_SERVER['SCRIPT_FILENAME']) . '/x.php'` names a file from this entry's folder.
    const pattern = shared ?? fromEntryScript(resolved, levels!, entryDir);
    if (!pattern) continue;
    const found = firstMatch(pattern, bases(pattern, from, entryDir, search, codeDirs), files);
    found.matches.forEach((file) => matches.add(file));
    if (found.matches.length === 0) {
      found.exactMisses.forEach((path) => exactMisses.add(path));
      patternMisses.push(...found.patternMisses);
    }
  }
  return { matches: [...matches].sort(), exactMisses: [...exactMisses], patternMisses };
}

/** The files the first base that has any gives, or every path tried when none has. */
function firstMatch(pattern: PathPattern, bases: readonly string[], files: ReadonlySet<string>): { matches: string[]; exactMisses: string[]; patternMisses: string[][] } {
  const exactMisses: string[] = [];
  const patternMisses: string[][] = [];
  for (const base of bases) {
    const prefix = base === '' ? pattern.pieces[0]! : `${base}/${pattern.pieces[0]!}`;
    if (pattern.pieces.length === 1) {
      const path = normalizePath(prefix);
      if (files.has(path)) return { matches: [path], exactMisses: [], patternMisses: [] };
      exactMisses.push(path);
      continue;
    }
    const pieces = [normalizePieceStart(prefix), ...pattern.pieces.slice(1)];
    const matches = [...files].filter((file) => matchesPattern(file, pieces, pattern.gaps));
    if (matches.length > 0) return { matches, exactMisses: [], patternMisses: [] };
    patternMisses.push(pieces);
  }
  return { matches: [], exactMisses, patternMisses };
}

function normalizePieceStart(prefix: string): string {
  // Keep a trailing slash (`views/`), which posix.normalize would keep too, and drop `./`.
  const normal = normalizePath(prefix);
  // `./` (the folder the paths are named from) is no prefix at all, not the root `/`.
  if (normal === '' || normal === '.') return '';
  return prefix.endsWith('/') && !normal.endsWith('/') ? `${normal}/` : normal;
}

/**
 * The path a value starting at `dirname($_SERVER['SCRIPT_FILENAME'], levels)` has in a request
 * entered at `entryDir`: the entry script's folder is one level up from the script, each further
 * level one folder up; above the analysed folder it is not known.
 */
function fromEntryScript(value: StaticString, levels: number, entryDir: string): PathPattern | undefined {
  let folder = normalizePath(entryDir);
  for (let up = 1; up < levels; up++) {
    if (folder === '.' || folder === '' || folder.startsWith('..')) return undefined;
    folder = posix.dirname(folder);
  }
  return toPattern([{ text: folder, anchored: true }, ...value.slice(1)]);
}

function startsAtDocumentRoot(value: StaticString): boolean {
  const first = value[0];
  return first !== undefined && 'unknown' in first && first.variable === DOCUMENT_ROOT;
}

/**
 * `include $_SERVER['DOCUMENT_ROOT'] . '/inc/main.php'`. The web server's document root is not
 * in the code, but every script it runs lies under it: it is the entry script's folder or one
 * above it. The include lands on the one file that some such folder plus the written path
 * names; when no folder, or more than one file, fits, where it lands is not known.
 */
function documentRootTarget(value: StaticString, entryDirs: readonly string[], files: ReadonlySet<string>): { matches: string[]; exactMisses: string[]; patternMisses: string[][] } | undefined {
  const rest = value.slice(1);
  if (!rest.every((part) => 'text' in part)) return undefined;
  const suffix = rest.map((part) => ('text' in part ? part.text : '')).join('');
  if (!suffix.startsWith('/')) return undefined;
  const found = new Set<string>();
  for (const entryDir of entryDirs) {
    for (let folder = normalizePath(entryDir); ; folder = posix.dirname(folder)) {
      const path = normalizePath(folder === '.' || folder === '' ? suffix.slice(1) : `${folder}${suffix}`);
      if (files.has(path)) found.add(path);
      if (folder === '.' || folder === '' || folder === '/') break;
    }
  }
  return found.size === 1 ? { matches: [...found], exactMisses: [], patternMisses: [] } : undefined;
}
