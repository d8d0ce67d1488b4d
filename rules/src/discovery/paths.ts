import * as path from 'node:path';

/**
 * How a file is named in every output: relative to the working directory, with forward
 * slashes, so reports read the same on every OS and match what the user typed.
 */
export function displayPath(cwd: string, file: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  return toForwardSlashes(rel === '' ? '.' : rel);
}

export function toForwardSlashes(p: string): string {
  return path.sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/** Plain code-unit order: the same on every machine, unlike `localeCompare`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
