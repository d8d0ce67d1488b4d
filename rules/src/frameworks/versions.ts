import type { ApiEntry } from '../../../core/src';
import type { CatalogLayer } from '../catalog/merge';
import type { FrameworkPreset } from './preset';

/**
 * The versions of the packages Composer installed, from the project's `composer.lock` (its
 * `packages` and `packages-dev`), by lower-case name. None when there is no lock file or it
 * cannot be read: then no version is known.
 */
export function lockedVersions(readFile: (path: string) => string | undefined, root: string): ReadonlyMap<string, string> {
  const versions = new Map<string, string>();
  const text = readFile(`${root}composer.lock`);
  if (text === undefined) return versions;
  try {
    const lock = JSON.parse(text) as { packages?: unknown; 'packages-dev'?: unknown };
    for (const list of [lock.packages, lock['packages-dev']]) {
      if (!Array.isArray(list)) continue;
      for (const entry of list as Array<{ name?: unknown; version?: unknown }>) {
        if (typeof entry?.name === 'string' && typeof entry.version === 'string') versions.set(entry.name.toLowerCase(), entry.version);
      }
    }
  } catch {
    // A broken lock file tells nothing: no version is known.
  }
  return versions;
}

/**
 * `installed` is `minimum` or later: both read as dotted numbers (`v4.4.3`, `4.4.0`). A
 * branch (`dev-develop`) or anything else that is not a release number is not known to be.
 */
export function versionAtLeast(installed: string | undefined, minimum: string): boolean {
  const parts = (version: string): number[] | undefined => {
    const match = /^v?(\d+(?:\.\d+)*)$/.exec(version.trim());
    return match ? match[1]!.split('.').map(Number) : undefined;
  };
  const have = installed === undefined ? undefined : parts(installed);
  const need = parts(minimum);
  if (!have || !need) return false;
  for (let i = 0; i < Math.max(have.length, need.length); i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * The preset as the project's installed version of its framework allows a fix to use it: when
 * its session close is newer than what `composer.lock` shows (or no version is known), the
 * catalog's write-back closes are marked `notInsertedByFixes` and the controllers' close is the
 * preset's fallback (`FrameworkPreset.closeSince`).
 */
export function withInstalledVersion(preset: FrameworkPreset, versions: ReadonlyMap<string, string>): FrameworkPreset {
  const since = preset.closeSince;
  if (!since || since.packages.some((name) => versionAtLeast(versions.get(name), since.version))) return preset;
  const controllers = preset.controllers && {
    ...preset.controllers,
    ...(preset.controllers.sessionClose
      ? { sessionClose: Object.fromEntries(Object.keys(preset.controllers.sessionClose).map((base) => [base, since.fallback])) }
      : {}),
  };
  return { ...preset, catalog: withoutInsertableCloses(preset.catalog), ...(controllers ? { controllers } : {}) };
}

function withoutInsertableCloses(layer: CatalogLayer): CatalogLayer {
  const mark = (entry: ApiEntry): ApiEntry => (entry.effect === 'close' && entry.how === 'write' ? { ...entry, notInsertedByFixes: true } : entry);
  const methods = Object.fromEntries(
    Object.entries(layer.methods ?? {}).map(([cls, entries]) => [cls, Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, mark(entry)]))]),
  );
  return { ...layer, methods };
}
