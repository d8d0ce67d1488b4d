import { createAnalyzer, type Analyzer } from '../../../rules/src/analyzer';
import { defaultCacheLocation } from '../../../rules/src/cache/cache-location';
import { openDiskCache, toolFingerprint } from '../../../rules/src/cache/disk-cache';
import { MemoryOverDiskCache } from '../../../rules/src/cache/memory-over-disk';
import { digestOf } from '../../../rules/src/cache/keys';
import { RunCache } from '../../../rules/src/cache/run-cache';
import { loadGrammarBytes } from '../../../rules/src/node-runtime';
import { keepRecentTsTrees } from '../../../core/src/parse/typescript';
import type { AnalyzerSource } from './run-job';

/** Analyzers kept for the last few option sets (one per configuration in use); older ones are dropped. */

const KEPT = 4;

/**
 * Syntax trees kept per analyzer for incremental re-parsing: the files typed in lately (a
 * tree of a 5,000-line file is a few MB of wasm memory).
 */
const RECENT_TREES = 8;

// Replaced by the bundler with package.json's version (see esbuild.mjs).
declare const SESSION_LINT_VERSION: string | undefined;
const VERSION = typeof SESSION_LINT_VERSION === 'string' ? SESSION_LINT_VERSION : '0.0.0-dev';

/**
 * Analyzers by options and project folder. Each project's analyzer keeps per-file results
 * (declarations, IR) in memory and on disk, where the CLI's `--cache` keeps them
 * (`node_modules/.cache/session-lint`, else the user cache folder): an edit re-lowers only
 * the edited file, and a second start of the server reads what the first one computed.
 */
export function analyzerCache(log: (message: string) => void = () => undefined): AnalyzerSource {
  // TypeScript/JavaScript documents too: an edit re-parses incrementally, and the lowering and the fixes' edit sites share one parse.
  keepRecentTsTrees(RECENT_TREES);
  const kept = new Map<string, Promise<Analyzer>>();
  const caches = new Map<string, MemoryOverDiskCache>();
  const toolVersion = toolFingerprint(VERSION);
  let grammar: ReturnType<typeof loadGrammarBytes> | undefined;
  const cacheOf = (root: string): MemoryOverDiskCache => {
    let cache = caches.get(root);
    if (!cache) {
      const disk = process.env.SESSION_LINT_NO_DISK_CACHE ? undefined : openDiskCache(defaultCacheLocation(root, process.env), toolVersion, log);
      cache = new MemoryOverDiskCache(disk);
      caches.set(root, cache);
    }
    return cache;
  };
  const source: AnalyzerSource = (options, root) => {
    const key = JSON.stringify([options, root]);
    let analyzer = kept.get(key);
    if (analyzer) {
      kept.delete(key); // re-inserted below: the map's order is the order of last use
    } else {
      grammar ??= loadGrammarBytes();
      const cache = root === undefined ? undefined : cacheOf(root);
      analyzer = grammar.then((bytes) => createAnalyzer(bytes, options, { toolVersion, recentTrees: RECENT_TREES, onFileDone: (phase, file) => source.onFileDone?.(phase, file), checkpoint: () => source.checkpoint?.(), ...(cache ? { cache } : {}) }));
      analyzer.catch(() => kept.delete(key)); // a failed load is retried next time
    }
    kept.set(key, analyzer);
    while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return analyzer;
  };
  source.runCacheOf = (options, root) => new RunCache(cacheOf(root), digestOf([toolVersion, JSON.stringify(options), root]));
  source.keepOnDisk = (root, yes) => {
    cacheOf(root).onDisk = yes;
  };
  source.flush = () => {
    for (const cache of caches.values()) cache.flush();
  };
  return source;
}
