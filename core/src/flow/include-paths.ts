import * as posix from 'node:path/posix';
import { resolveConstants, type StaticString } from '../ir/static-string';

/**
 * Where a `require`/`include` may land, as PHP resolves it: a path from `__DIR__` (or an
 * absolute one) as is; a relative one against the including file's directory, the configured
 * include paths, then the project root. Unknown parts (variables) turn the path into a
 * pattern matched against the project's files, each match a possible target.
 */
export interface IncludeSearch {
  /** Directories (as given, relative to the working directory) searched for relative paths. */
  readonly includePaths: readonly string[];
  /** The value of a project constant (`define('ROOT', __DIR__)`), for `ROOT . '/x.php'`. */
  readonly constant?: (name: string) => StaticString | undefined;
}

/** A path split at its unknown parts: `['views/', '.php']` for `'views/' . $v . '.php'`. */
interface PathPattern {
  readonly pieces: readonly string[];
  readonly anchored: boolean;
}

function toPattern(value: StaticString): PathPattern | undefined {
  const pieces: string[] = [''];
  let anchored = false;
  value.forEach((part, index) => {
    if ('text' in part) {
      if (index === 0 && part.anchored) anchored = true;
      pieces[pieces.length - 1] += part.text;
    } else {
      pieces.push('');
    }
  });
  // Nothing literal at all (`include $file;`): nothing to go on.
  if (pieces.every((piece) => piece === '')) return undefined;
  return { pieces, anchored };
}

export function normalizePath(path: string): string {
  const normal = posix.normalize(path);
  return normal.startsWith('./') ? normal.slice(2) : normal;
}

/** Candidate bases for the pattern's first piece, in PHP's order. */
function bases(pattern: PathPattern, from: string, search: IncludeSearch): string[] {
  const first = pattern.pieces[0]!;
  if (pattern.anchored || first.startsWith('/')) return [''];
  return [posix.dirname(from), ...search.includePaths, '.'].map((dir) => (dir === '' ? '.' : dir));
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
  const pattern = toPattern(search.constant ? resolveConstants(value, search.constant) : value);
  if (!pattern) return undefined;
  const matches: string[] = [];
  const exactMisses: string[] = [];
  const patternMisses: string[][] = [];
  for (const base of bases(pattern, from, search)) {
    const prefix = base === '' ? pattern.pieces[0]! : `${base}/${pattern.pieces[0]!}`;
    if (pattern.pieces.length === 1) {
      const path = normalizePath(prefix);
      if (files.has(path)) return { matches: [path], exactMisses: [], patternMisses: [] };
      exactMisses.push(path);
      continue;
    }
    const pieces = [normalizePieceStart(prefix), ...pattern.pieces.slice(1)];
    for (const file of files) if (matchesPattern(file, pieces)) matches.push(file);
    if (matches.length > 0) break;
    patternMisses.push(pieces);
  }
  return { matches: [...new Set(matches)].sort(), exactMisses, patternMisses };
}

function normalizePieceStart(prefix: string): string {
  // Keep a trailing slash (`views/`), which posix.normalize would keep too, and drop `./`.
  const normal = normalizePath(prefix);
  return prefix.endsWith('/') && !normal.endsWith('/') ? `${normal}/` : normal;
}

/** Literal pieces in order; each gap stands for one unknown part that stays within a directory. */
export function matchesPattern(file: string, pieces: readonly string[]): boolean {
  if (!file.startsWith(pieces[0]!)) return false;
  let position = pieces[0]!.length;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const last = i === pieces.length - 1;
    const found = last ? (file.endsWith(piece) && file.length - piece.length >= position ? file.length - piece.length : -1) : file.indexOf(piece, position);
    if (found === -1) return false;
    if (file.slice(position, found).includes('/')) return false;
    position = found + piece.length;
  }
  return true;
}
