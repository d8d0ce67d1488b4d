import type { AnalysisCache } from './analysis-cache';
import { decode, encode, type DiskCache } from './disk-cache';

/** What the memory layer may hold before it forgets the least recently used entries. */
const MEMORY_BYTES = 200 * 1024 * 1024;

/**
 * The language server's cache: recent entries in memory, all of them on disk (`flush()` after
 * each analysis), so an edit re-lowers only the edited file and a second start reads what the
 * first one computed. Entries are kept serialised, so each analysis gets its own copy of an
 * IR (nothing a run does to its objects reaches the next run), and the memory they take is
 * known and bounded.
 */
export class MemoryOverDiskCache implements AnalysisCache {
  private readonly memory = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    private readonly disk: DiskCache | undefined,
    private readonly maxBytes = MEMORY_BYTES,
  ) {}

  get(key: string): unknown {
    const kept = this.memory.get(key);
    if (kept) {
      // Most recently used last.
      this.memory.delete(key);
      this.memory.set(key, kept);
      return decode(kept);
    }
    const value = this.disk?.get(key);
    if (value !== undefined) this.remember(key, encode(value));
    return value;
  }

  set(key: string, value: unknown): void {
    this.remember(key, encode(value));
    this.disk?.set(key, value);
  }

  flush(): void {
    this.disk?.flush();
  }

  private remember(key: string, bytes: Buffer): void {
    const old = this.memory.get(key);
    if (old) this.bytes -= old.length;
    this.memory.delete(key);
    this.memory.set(key, bytes);
    this.bytes += bytes.length;
    for (const [oldest, value] of this.memory) {
      if (this.bytes <= this.maxBytes) break;
      this.memory.delete(oldest);
      this.bytes -= value.length;
    }
  }
}
