/**
 * Where the analysis keeps what it computed per file (declarations, lowered IR) between runs.
 * Keys are content hashes (`keys.ts`), so an entry never needs invalidating: a changed input
 * makes a different key. Values are plain data (structured-clone-able: objects, arrays, Maps,
 * Sets, strings, numbers), so a store may serialise them (`v8.serialize`) or pass them between
 * threads. A store that cannot read an entry answers `undefined` (a miss), never throws.
 *
 * An entry may name its **owner**: what it is a version of (one file's declarations under one
 * configuration, one project's whole result). A new version makes the older ones useless
 * sooner or later, so a store keeps only the newest few per owner (`KEPT_PER_OWNER`) and
 * removes the rest: an editor typing into a file leaves two entries of it, not one per
 * keystroke. The same owner must be given to `get` and `set` (a store may file entries by it).
 */
export interface AnalysisCache {
  get(key: string, owner?: CacheOwner): unknown;
  set(key: string, value: unknown, owner?: CacheOwner): void;
  /**
   * Serialises (and writes) what was set: after it, changing a value that was set changes no
   * entry. A store that serialises at `set` needs none.
   */
  flush?(): void;
}

export interface CacheOwner {
  /** A hash naming what the entries are versions of (`digestOf([phase, salt, path])`). */
  readonly name: string;
  /**
   * The analyzer keeps what recomputes the entry cheaply (a language server's lowered units):
   * a store that keeps only some entries may leave it out (the language server's memory keeps
   * no IR of a text typed and not saved: serialising a long file's IR after each keystroke cost
   * more than lowering the units the keystroke changed).
   */
  readonly recomputable?: boolean;
}

/**
 * Versions kept per owner: the current one and the one before (an undo, a branch switched
 * back, the saved text next to the one being typed).
 */
export const KEPT_PER_OWNER = 2;

/** A cache in memory, for one process (tests). */
export function memoryAnalysisCache(): AnalysisCache & { readonly size: number } {
  const entries = new Map<string, unknown>();
  return {
    get: (key) => entries.get(key),
    set: (key, value) => void entries.set(key, value),
    get size() {
      return entries.size;
    },
  };
}
