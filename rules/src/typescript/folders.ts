import * as posix from 'node:path/posix';
import { normalizePath } from '../../../core/src';
import type { ProjectHost } from '../api';

/**
 * The folders above a file, nearest first: its own folder, then each parent up to the working
 * directory (`.`), then up to `levelsAbove` folders above it (`..`, `../..`). Configs and
 * workspace roots are searched this way, so a run started in `apps/api/` still sees
 * `../../package.json`, as a run started at the repository root does.
 */
export function foldersAbove(file: string, levelsAbove: number): string[] {
  const found: string[] = [];
  let folder = posix.dirname(normalizePath(file));
  // A path has finitely many parents; the bound only guards against a malformed one.
  for (let step = 0; step < 256; step++) {
    found.push(folder);
    const parent = normalizePath(posix.join(folder, '..'));
    if (parent === folder || levelsUp(parent) > levelsAbove) break;
    folder = parent;
  }
  return found;
}

/** How far above the working directory a folder made only of `..` lies (0 for anything else). */
function levelsUp(folder: string): number {
  const parts = folder.split('/');
  return parts.every((part) => part === '..') ? parts.length : 0;
}

/** `name` inside `folder`, as the analysis names paths (`tsconfig.json` for the working directory). */
export function inFolder(folder: string, name: string): string {
  return normalizePath(posix.join(folder, name));
}

/** The folders above the working directory the host may read (0 when it does not say). */
export function levelsAboveOf(host: ProjectHost | undefined): number {
  return host?.levelsAbove ?? 0;
}

/** Reads a JSON (or JSON-with-comments) file through the host; undefined when absent or not an object. */
export function readJsonObject(host: ProjectHost, path: string, parse: (text: string) => unknown): Record<string, unknown> | undefined {
  const text = host.readFile(path);
  if (text === undefined) return undefined;
  try {
    const value = parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
