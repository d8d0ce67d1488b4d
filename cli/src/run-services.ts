import * as path from 'node:path';
import type { AnalyzerServices } from '../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../rules/src/api';
import { digestOf } from '../../rules/src/cache/keys';
import { PhpWorkerPool, defaultJobs, phpWorkerScript } from '../../rules/src/parallel/php-worker-pool';
import { defaultCacheLocation } from '../../rules/src/cache/cache-location';
import { DiskCache, openDiskCache, toolFingerprint } from '../../rules/src/cache/disk-cache';
import { RunCache } from '../../rules/src/cache/run-cache';
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
  const toolVersion = toolFingerprint(VERSION);
  let cache: DiskCache | undefined;
  if (options.cache) {
    const location = path.resolve(cwd, options.cacheLocation ?? defaultCacheLocation(path.resolve(cwd, context.projectRoot ?? '.'), context.env));
    cache = openDiskCache(location, toolVersion, (message) => stderr.write(`session-lint: cache: ${message}\n`));
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
