import type { AnalysisCache, CacheOwner } from './analysis-cache';
import { decode, encode, type DiskCache } from './disk-cache';
import { OwnerVersions } from './owner-versions';

/** What the memory layer may hold before it forgets the least recently used entries. */
const MEMORY_BYTES = 200 * 1024 * 1024;

/**
 * The language server's cache: recent entries in memory, over the disk (`flush()` after each
 * analysis), so an edit re-lowers only the edited file and a second start reads what the
 * first one computed. Entries are kept serialised, so each analysis gets its own copy of an
 * IR (nothing a run does to its objects reaches the next run), and the memory they take is
 * known and bounded. An entry is serialised at `flush()`, as the disk layer writes it: after
 * the answer is sent, not while the user waits for it (an edited long file's IR takes tens of
 * milliseconds to serialise).
 *
 * Each owner (a file's declarations, its IR, a project's result) keeps its newest
 * `KEPT_PER_OWNER` entries in memory; and only what an analysis of saved texts computed goes
 * to disk (`onDisk`): the texts typed between two saves are versions no later start will
 * see, so typing writes nothing and the disk holds the saved versions only. Of those typed
 * texts, an entry the analyzer recomputes cheaply (`CacheOwner.recomputable`: the IR, from
 * the units it keeps) is not kept at all.
 */
export class MemoryOverDiskCache implements AnalysisCache {
  private readonly memory = new Map<string, Buffer>();
  private bytes = 0;
  /** Set since the last flush, not serialised yet. */
  private readonly pending = new Map<string, unknown>();
  private readonly versions = new OwnerVersions();
  /** Whether what is set now is written to disk too (the analysis running is of saved texts). */
  onDisk = true;

  constructor(
    private readonly disk: DiskCache | undefined,
    private readonly maxBytes = MEMORY_BYTES,
  ) {}

  /** Entries in memory (serialised or pending), for tests and statistics. */
  get size(): number {
    return this.memory.size + this.pending.size;
  }

  get(key: string, owner?: CacheOwner): unknown {
    if (this.pending.has(key)) this.settle(key);
    const kept = this.memory.get(key);
    if (kept) {
      // Most recently used last.
      this.memory.delete(key);
      this.memory.set(key, kept);
      if (owner) this.useVersion(owner, key);
      return decode(kept);
    }
    const value = this.disk?.get(key, owner);
    if (value !== undefined) {
      this.remember(key, encode(value));
      if (owner) this.useVersion(owner, key);
    }
    return value;
  }

  set(key: string, value: unknown, owner?: CacheOwner): void {
    if (!this.onDisk && owner?.recomputable) return;
    this.pending.set(key, value);
    if (owner) this.useVersion(owner, key);
    if (this.onDisk) this.disk?.set(key, value, owner);
  }

  flush(): void {
    for (const key of [...this.pending.keys()]) this.settle(key);
    this.disk?.flush();
  }

  /** `key` is the newest version of its owner: the versions past the bound leave memory. */
  private useVersion(owner: CacheOwner, key: string): void {
    for (const old of this.versions.use(owner.name, key)) {
      this.pending.delete(old);
      const bytes = this.memory.get(old);
      if (bytes) {
        this.memory.delete(old);
        this.bytes -= bytes.length;
      }
    }
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
      this.versions.forget(oldest);
      this.bytes -= value.length;
    }
  }
}
