import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LibraryFactsCache, LibraryModuleFacts } from '../../rules/src/typescript/library-cache';
import { isDirectory, writeFileAtomically } from '../../rules/src/cache/files';
import { VERSION } from './version';

/**
 * What installed packages do (`rules/src/typescript/library-summaries.ts`), kept on disk between
 * runs, so that a second run reads only the packages' `package.json` files, never their code.
 *
 * Where: `node_modules/.cache/session-lint/library-facts/<tool version>/`, in the nearest
 * `node_modules` at or above the folder the run starts from (the place other tools keep their
 * caches: it is git-ignored wherever `node_modules` is, and `npm ci` clears it). No
 * `node_modules`, no disk cache: a project without installed packages has nothing to keep.
 *
 * One small JSON file per key. A key is `<catalog fingerprint>/<name>@<version>:<subpath>`: a
 * package of the same version has the same code, and the fingerprint changes when the catalog
 * that judged it does, so an entry never goes stale; the tool version in the folder keeps
 * builds that derive differently apart. Anything unreadable is a miss; a failed write is
 * ignored (a read-only tree still runs, only slower).
 */
export function diskLibraryCache(folder: string): LibraryFactsCache {
  const memory = new Map<string, LibraryModuleFacts | null>();
  const fileOf = (key: string): string => path.join(folder, `${encodeURIComponent(key)}.json`);
  return {
    get(key) {
      if (!memory.has(key)) memory.set(key, readFacts(fileOf(key)));
      return memory.get(key) ?? undefined;
    },
    set(key, facts) {
      memory.set(key, facts);
      try {
        writeFileAtomically(fileOf(key), JSON.stringify(facts));
      } catch {
        // The entry is simply not kept: the next run derives it again.
      }
    },
  };
}

/** The cache folder for a run started in `cwd`, or undefined when no `node_modules` is above it. */
export function libraryCacheFolder(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const modules = path.join(dir, 'node_modules');
    if (isDirectory(modules)) return path.join(modules, '.cache', 'session-lint', 'library-facts', VERSION);
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readFacts(file: string): LibraryModuleFacts | null {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return isFacts(value) ? value : null;
  } catch {
    return null;
  }
}

/** The shape `LibraryModuleFacts` promises (a file from another build or a broken write is a miss). */
function isFacts(value: unknown): value is LibraryModuleFacts {
  if (typeof value !== 'object' || value === null) return false;
  const facts = value as Record<string, unknown>;
  return Array.isArray(facts['functions']) && Array.isArray(facts['defaultMethods']) && Array.isArray(facts['classes']) && Array.isArray(facts['probed']);
}
