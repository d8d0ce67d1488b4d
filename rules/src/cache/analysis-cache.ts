/**
 * Where the analysis keeps what it computed per file (declarations, lowered IR) between runs.
 * Keys are content hashes (`keys.ts`), so an entry never needs invalidating: a changed input
 * makes a different key. Values are plain data (structured-clone-able: objects, arrays, Maps,
 * Sets, strings, numbers), so a store may serialise them (`v8.serialize`) or pass them between
 * threads. A store that cannot read an entry answers `undefined` (a miss), never throws.
 */
export interface AnalysisCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** A cache in memory, for one process (the language server, tests). */
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
