import type { AnalysisCache } from './analysis-cache';
import { decode, encode, type DiskCache } from './disk-cache';

/** What the memory layer may hold before it forgets the least recently used entries. */
const MEMORY_BYTES = 200 * 1024 * 1024;

/**
 * The language server's cache: recent entries in memory, all of them on disk (`flush()` after
 * each analysis), so an edit re-lowers only the edited file and a second start reads what the
 * first one computed. Entries are kept serialised, so each analysis gets its own copy of an
 * IR (nothing a run does to its objects reaches the next run), and the memory they take is
 * known and bounded. An entry is serialised at `flush()`, as the disk layer writes it: after
 * the answer is sent, not while the user waits for it (an edited long file's IR takes tens of
 * milliseconds to serialise).
 */
export class MemoryOverDiskCache implements AnalysisCache {
  private readonly memory = new Map<string, Buffer>();
  private bytes = 0;
  /** Set since the last flush, not serialised yet. */
  private readonly pending = new Map<string, unknown>();

  constructor(
    private readonly disk: DiskCache | undefined,
    private readonly maxBytes = MEMORY_BYTES,
  ) {}

  get(key: string): unknown {
    if (this.pending.has(key)) this.settle(key);
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
    this.pending.set(key, value);
    this.disk?.set(key, value);
  }

  flush(): void {
    for (const key of [...this.pending.keys()]) this.settle(key);
    this.disk?.flush();
  }

  /** A pending entry serialised into the memory layer. */
  private settle(key: string): void {
    const value = this.pending.get(key);
    this.pending.delete(key);
    this.remember(key, encode(value));
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
