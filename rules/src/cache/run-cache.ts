import { digestOf, hashText } from './keys';
import type { AnalysisCache, CacheOwner } from './analysis-cache';
import { recordingHost, readsUnchanged, type HostRead } from './host-reads';
import type { AnalysisResult, ProjectHost, SourceFile } from '../api';

/** A whole run's key, and the owner its versions share. */
export interface RunKey {
  readonly key: string;
  readonly owner: CacheOwner;
}

interface RunEntry {
  readonly result: AnalysisResult;
  readonly reads: readonly HostRead[];
}

/**
 * The whole run's result (the CLI's `--cache`, the language server's analyses), for a warm run
 * over an unchanged tree: keyed by the given files'
 * paths and texts (and the build, options and working directory in `salt`), and valid while
 * every file the analysis read through the host (an included bootstrap, a tsconfig, a
 * package's `package.json`) and every folder it listed still reads the same. Such a run
 * reads and hashes, and parses nothing.
 */
export class RunCache {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly salt: string,
  ) {}

  keyOf(files: readonly SourceFile[]): RunKey {
    // A file given but not reported (the language server's unopened files) gives another result.
    const parts = files.map((file) => `${file.path}\0${hashText(file.text)}${file.reported === false ? '\0context' : ''}`);
    // The owner is what the result is of: these options and folder, these files reported. Its
    // older versions (the files' earlier texts) are removed as newer ones are kept.
    const reported = files.filter((file) => file.reported !== false).map((file) => file.path);
    return { key: digestOf(['run', this.salt, ...parts]), owner: { name: digestOf(['run', this.salt, ...reported]) } };
  }

  /** The cached result, when the host still reads what the analysis read. */
  lookup({ key, owner }: RunKey, host: ProjectHost): AnalysisResult | undefined {
    const entry = this.cache.get(key, owner) as RunEntry | undefined;
    if (!isRunEntry(entry)) return undefined;
    return readsUnchanged(host, entry.reads) ? entry.result : undefined;
  }

  /** Analyses through a host that records what it reads, and keeps the result with the reads. */
  analyse({ key, owner }: RunKey, host: ProjectHost, analyse: (host: ProjectHost) => AnalysisResult): AnalysisResult {
    const recording = recordingHost(host);
    const result = analyse(recording.host);
    // A result that holds an internal error is not kept: the next run tries again.
    if (!result.errors.some((error) => error.internal)) this.cache.set(key, { result, reads: recording.reads() } satisfies RunEntry, owner);
    return result;
  }
}

function isRunEntry(value: unknown): value is RunEntry {
  const entry = value as RunEntry | undefined;
  return typeof entry === 'object' && entry !== null && Array.isArray(entry.reads) && typeof entry.result === 'object' && entry.result !== null && Array.isArray(entry.result.findings);
}
