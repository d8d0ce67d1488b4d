import { digestOf, hashText } from './keys';
import type { AnalysisCache, CacheOwner } from './analysis-cache';
import type { AnalysisResult, ProjectHost, SourceFile } from '../api';

/** One read the analysis made through the host, and a hash of what it got (null: nothing). */
interface HostRead {
  readonly op: 'read' | 'files' | 'folders';
  readonly path: string;
  readonly hash: string | null;
}

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
    for (const read of entry.reads) if (hashOfRead(host, read.op, read.path) !== read.hash) return undefined;
    return entry.result;
  }

  /** Analyses through a host that records what it reads, and keeps the result with the reads. */
  analyse({ key, owner }: RunKey, host: ProjectHost, analyse: (host: ProjectHost) => AnalysisResult): AnalysisResult {
    const reads = new Map<string, HostRead>();
    const record = (op: HostRead['op'], path: string, value: string | readonly string[] | undefined): void => {
      const hash = value === undefined ? null : hashText(typeof value === 'string' ? value : value.join('\n'));
      reads.set(`${op}\0${path}`, { op, path, hash });
    };
    const recording: ProjectHost = {
      ...host,
      readFile: (file) => {
        const text = host.readFile(file);
        record('read', file, text);
        return text;
      },
      // Only what the real host offers: the analysis tells a host that cannot list apart.
      ...(host.listDirectory
        ? {
            listDirectory: (dir: string) => {
              const files = host.listDirectory!(dir);
              record('files', dir, files);
              return files;
            },
          }
        : {}),
      ...(host.listFolders
        ? {
            listFolders: (dir: string) => {
              const folders = host.listFolders!(dir);
              record('folders', dir, folders);
              return folders;
            },
          }
        : {}),
    };
    const result = analyse(recording);
    // A result that holds an internal error is not kept: the next run tries again.
    if (!result.errors.some((error) => error.internal)) this.cache.set(key, { result, reads: [...reads.values()] } satisfies RunEntry, owner);
    return result;
  }
}

function hashOfRead(host: ProjectHost, op: HostRead['op'], path: string): string | null {
  const value = op === 'read' ? host.readFile(path) : op === 'files' ? host.listDirectory?.(path) : host.listFolders?.(path);
  return value === undefined ? null : hashText(typeof value === 'string' ? value : value.join('\n'));
}

function isRunEntry(value: unknown): value is RunEntry {
  const entry = value as RunEntry | undefined;
  return typeof entry === 'object' && entry !== null && Array.isArray(entry.reads) && typeof entry.result === 'object' && entry.result !== null && Array.isArray(entry.result.findings);
}
