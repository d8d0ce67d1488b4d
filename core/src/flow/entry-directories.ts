import * as posix from 'node:path/posix';
import type { StaticString } from '../ir/static-string';
import type { FileIR } from '../ir/unit';
import { includeTargets, normalizePath, type IncludeSearch } from './include-paths';

/** A file of the project as include resolution sees it. */
export interface IncludingFile {
  readonly path: string;
  /** The paths of its `require`/`include` expressions. */
  readonly includes: readonly StaticString[];
  /** The web server may run it (a file the analysis was given); included extras may not. */
  readonly entry: boolean;
}

/**
 * A file reached from entry scripts in more directories than this keeps the first ones (each
 * directory is one more way to resolve its relative includes); the files so cut are listed.
 */
export const MAX_ENTRY_DIRS = 32;

/** Entry directories per file, and the files that reached more than `MAX_ENTRY_DIRS`. */
export interface EntryDirectories {
  readonly dirs: Map<string, string[]>;
  readonly capped: ReadonlySet<string>;
}

/**
 * For every file, the directories of the entry scripts whose requests run it: PHP's working
 * directory during a web request is the directory of the script the server runs, and that
 * is what `.` in the include path and `./x.php` mean, in that script and in every file it
 * includes. (Never the folder the analysis was started from.)
 *
 * The entry scripts are the given files no other file includes; a given file that is only
 * included from a cycle of files is its own entry. Files are normalized paths.
 */
export function entryDirectories(files: readonly IncludingFile[], search: IncludeSearch): EntryDirectories {
  const byPath = new Map(files.map((file) => [normalizePath(file.path), file] as const));
  const paths = new Set(byPath.keys());
  const entries = [...byPath].filter(([, file]) => file.entry).map(([path]) => path);

  // First every given file counts as an entry, to learn which files others include ...
  const everyEntry = new Propagation(byPath, paths, search);
  entries.forEach((path) => everyEntry.seed(path));
  everyEntry.run();
  // ... then only those nobody includes; those left unreached (cycles) are their own entries.
  const roots = new Propagation(byPath, paths, search);
  entries.filter((path) => !everyEntry.included.has(path)).forEach((path) => roots.seed(path));
  roots.run();
  for (const path of entries) {
    if (roots.dirs.has(path)) continue;
    roots.seed(path);
    roots.run();
  }
  return { dirs: new Map([...roots.dirs].map(([path, dirs]) => [path, [...dirs]] as const)), capped: roots.capped };
}

/** Entry directories flowing along includes, each (file, directory) pair resolved once. */
class Propagation {
  readonly dirs = new Map<string, Set<string>>();
  /** Files some other file includes. */
  readonly included = new Set<string>();
  /** Files that were reached from more entry directories than they keep. */
  readonly capped = new Set<string>();
  private readonly queue: (readonly [string, string])[] = [];
  private next = 0;

  constructor(
    private readonly files: ReadonlyMap<string, IncludingFile>,
    private readonly paths: ReadonlySet<string>,
    private readonly search: IncludeSearch,
  ) {}

  seed(path: string): void {
    this.add(path, posix.dirname(path));
  }

  run(): void {
    while (this.next < this.queue.length) {
      const [path, dir] = this.queue[this.next++]!;
      for (const include of this.files.get(path)?.includes ?? []) {
        const targets = includeTargets(include, path, this.paths, { ...this.search, entryDirs: [dir] });
        for (const target of targets?.matches ?? []) {
          if (target !== path) this.included.add(target);
          this.add(target, dir);
        }
      }
    }
  }

  private add(path: string, dir: string): void {
    let dirs = this.dirs.get(path);
    if (!dirs) {
      dirs = new Set();
      this.dirs.set(path, dirs);
    }
    if (dirs.has(dir)) return;
    if (dirs.size >= MAX_ENTRY_DIRS) {
      this.capped.add(path);
      return;
    }
    dirs.add(dir);
    this.queue.push([path, dir]);
  }
}

/**
 * The paths a file includes through calls of include helpers (`require_api('x.php')`), which
 * its declarations cannot list: they are known once the helper's declaration is.
 */
export function helperIncludes(ir: FileIR): StaticString[] {
  const paths: StaticString[] = [];
  for (const unit of ir.units) {
    for (const node of unit.cfg.nodes) {
      const effect = node.effect;
      if (effect?.kind !== 'call' || effect.target.type !== 'include' || !effect.target.helper) continue;
      paths.push(...(effect.target.alternatives ?? [effect.target.path]));
    }
  }
  return paths;
}
