import { readsUnchanged, recordingHost, type HostRead } from './host-reads';
import type { ProjectHost } from '../api';

interface KeptResult<T> {
  readonly key: string;
  readonly hasHost: boolean;
  readonly reads: readonly HostRead[];
  readonly value: T;
}

/**
 * The latest few results of a computation, each kept with its key (a digest of its inputs)
 * and what it read through the host: a run with the same key is given the kept result while
 * every one of those reads still gives the same. In memory only, for the runs of one
 * analyzer (the language server's: an edit of a PHP file does not lower its folder's
 * JavaScript again). A computation that throws (a cancelled run) keeps nothing.
 */
export class KeptResults<T> {
  private readonly kept: KeptResult<T>[] = [];

  constructor(private readonly size: number) {}

  get(key: string, host: ProjectHost | undefined, compute: (host: ProjectHost | undefined) => T): { value: T; reused: boolean } {
    const at = this.kept.findIndex((entry) => entry.key === key && entry.hasHost === (host !== undefined));
    if (at !== -1) {
      const entry = this.kept[at]!;
      this.kept.splice(at, 1);
      if (host === undefined || readsUnchanged(host, entry.reads)) {
        this.kept.push(entry);
        return { value: entry.value, reused: true };
      }
    }
    const recording = host ? recordingHost(host) : undefined;
    const value = compute(recording?.host);
    this.kept.push({ key, hasHost: host !== undefined, reads: recording?.reads() ?? [], value });
    if (this.kept.length > this.size) this.kept.shift();
    return { value, reused: false };
  }
}
