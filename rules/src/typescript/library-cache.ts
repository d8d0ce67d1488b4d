import type { SlowKind } from '../../../core/src';

/**
 * What an installed package's module does, as derived from its code (`library-summaries.ts`):
 * its exports and class methods that reach slow work, by kind. Plain data, so that a cache can
 * keep it in memory or write it to disk, keyed by package name, version and subpath.
 */
export interface LibraryModuleFacts {
  /** Exported functions (and methods of a default-exported object) that are slow when called. */
  readonly functions: readonly { readonly name: string; readonly kind: SlowKind; readonly async: boolean }[];
  /** Methods of an exported instance (`default` only: `import sdk from 'x'; sdk.send()`). */
  readonly defaultMethods: readonly { readonly name: string; readonly kind: SlowKind }[];
  /**
   * Exported classes (`default` for a default export) and their slow methods; `resources`:
   * its instances keep API resources whose methods are slow (`client.emails.send()`), and
   * the worst kind of those.
   */
  readonly classes: readonly {
    readonly name: string;
    readonly methods: readonly { readonly name: string; readonly kind: SlowKind }[];
    readonly resources?: SlowKind;
  }[];
  /** The export names examined (`*`: all); a later run that needs others examines the module again. */
  readonly probed: readonly string[];
  /** The package's analysis hit a bound (files, size): what it found is what it saw. */
  readonly cut?: string;
}

/**
 * The seam for keeping derived facts between runs. In memory by default (an analyzer, the
 * language server, keeps one for its lifetime); a cache on disk can implement the same two
 * calls. Keys are `<name>@<version>:<subpath>`: a package of the same version has the same
 * code, so its facts never go stale.
 */
export interface LibraryFactsCache {
  get(key: string): LibraryModuleFacts | undefined;
  set(key: string, facts: LibraryModuleFacts): void;
}

export function memoryLibraryCache(): LibraryFactsCache {
  const entries = new Map<string, LibraryModuleFacts>();
  return { get: (key) => entries.get(key), set: (key, facts) => void entries.set(key, facts) };
}
