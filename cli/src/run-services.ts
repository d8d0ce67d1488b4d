import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalyzerServices } from '../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../rules/src/api';
import { digestOf, hashText } from '../../rules/src/cache/keys';
import { PhpWorkerPool, defaultJobs, phpWorkerScript } from '../../rules/src/parallel/php-worker-pool';
import { defaultCacheLocation } from './cache/cache-location';
import { DiskCache, isCacheFolder } from './cache/disk-cache';
import { RunCache } from './cache/run-cache';
import type { CheckCommandOptions } from './options';
import { progressBar, type Progress, type ProgressStream } from './progress';
import { VERSION } from './version';

/** What one `check` uses besides the analyzer's options: cache, worker threads, progress bar. */
export interface RunServices {
  readonly analyzer: AnalyzerServices;
  /** `--cache` without `--fix`: the whole run's result. */
  readonly runCache?: RunCache;
  readonly progress: Progress;
  /** Writes the cache and ends the worker threads. */
  close(): void;
}

export function runServices(
  options: CheckCommandOptions,
  context: {
    readonly cwd: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly stderr: ProgressStream;
    /** The configuration's folder (relative to cwd), where the default cache location is looked for. */
    readonly projectRoot: string | undefined;
    readonly analyzerOptions: AnalyzerOptions;
    /** Whether the whole run's result may be reused (not with `--fix`). */
    readonly wholeRun: boolean;
  },
): RunServices {
  const { cwd, stderr } = context;
  const progress = progressBar(stderr, options.quiet !== true);
  const toolVersion = toolFingerprint();
  let cache: DiskCache | undefined;
  if (options.cache) {
    const location = path.resolve(cwd, options.cacheLocation ?? defaultCacheLocation(path.resolve(cwd, context.projectRoot ?? '.'), context.env));
    // One folder per build: entries of another build are never read, and are removed.
    const build = toolVersion.slice(0, 16);
    removeOtherBuilds(location, build);
    cache = new DiskCache(path.join(location, build), (message) => stderr.write(`session-lint: cache: ${message}\n`));
  }
  const jobs = options.jobs ?? defaultJobs();
  const script = jobs > 1 ? phpWorkerScript() : undefined;
  const pool = script === undefined ? undefined : new PhpWorkerPool(script, jobs);
  const runCache = cache && context.wholeRun ? new RunCache(cache, digestOf([toolVersion, JSON.stringify(context.analyzerOptions), path.resolve(cwd)])) : undefined;
  return {
    analyzer: {
      toolVersion,
      ...(cache ? { cache } : {}),
      ...(pool ? { runner: pool } : {}),
      onFileDone: (phase) => progress.fileDone(phase),
    },
    ...(runCache ? { runCache } : {}),
    progress,
    close() {
      pool?.close();
      cache?.flush();
      if (pool?.failure) stderr.write(`session-lint: worker threads stopped (${pool.failure}); the rest ran in the main thread\n`);
    },
  };
}

/**
 * The build of the tool: its version and the bytes of the code that runs (the bundle, or this
 * module in an unbundled run), so a rebuilt tool never trusts what another build cached.
 */
function toolFingerprint(): string {
  let code = '';
  try {
    code = hashText(fs.readFileSync(__filename));
  } catch {
    // No file to read (an unusual loader): the version alone.
  }
  return digestOf([VERSION, code]);
}

/** Cache folders of other builds (16 hex digits, tagged) than this one, best effort. */
function removeOtherBuilds(location: string, build: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(location, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === build || !/^[0-9a-f]{16}$/.test(entry.name)) continue;
    // Only folders this tool made (tagged as caches), whatever --cache-location points at.
    if (!isCacheFolder(path.join(location, entry.name))) continue;
    try {
      fs.rmSync(path.join(location, entry.name), { recursive: true, force: true });
    } catch {
      // Another process may hold it; it is left for the next run.
    }
  }
}
