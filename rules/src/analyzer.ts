import { PhpParser } from '../../core/src';
import type { AnalysisResult, AnalyzerOptions, ProjectHost, SourceFile } from './api';
import { phpNativeCatalog } from './catalog/php-native';
import { analyzeProject, type EnabledRule } from './project-analysis';
import { allRules } from './registry';
import { memoryLibraryCache, type LibraryFactsCache } from './typescript/library-cache';
import type { AnalysisCache } from './cache/analysis-cache';
import { PhpFileWork, type PhpWorkRunner } from './cache/php-file-work';
import { digestOf } from './cache/keys';
import { LoweredUnits } from './cache/lowered-units';
import { KeptResults } from './cache/kept-results';
import { KeptRulesStage } from './cache/kept-rules-stage';
import type { TsLowering } from './project-analysis';

/** The wasm files the PHP parser needs; the host reads them (the engine does no I/O). */
export interface GrammarBytes {
  readonly treeSitterRuntime: Uint8Array;
  readonly php: Uint8Array;
}

export interface Analyzer {
  /** One file on its own. Never throws on any text: bad input becomes entries in `errors`. */
  analyzeFile(file: SourceFile): AnalysisResult;
  /**
   * Files of one project together: calls and includes are followed across them (and into
   * files the host can read). Findings are reported for the given files only.
   */
  analyzeProject(files: readonly SourceFile[], host?: ProjectHost): AnalysisResult;
  /** With kept trees (a language server): how often the flow and the rules ran, and how often an edit kept their output. */
  readonly flowAndRules?: { readonly reused: number; readonly ran: number };
}

/** What an analyzer may use beyond its options: a cache of per-file results, worker threads. */
export interface AnalyzerServices {
  /** Declarations and IR per file, kept between runs (`--cache`, the language server). */
  readonly cache?: AnalysisCache;
  /** Parses and lowers batches of PHP files on worker threads (`--jobs`). */
  readonly runner?: PhpWorkRunner;
  /**
   * The tool's build, part of every cache key (with the options): a new build never reads what
   * an older one wrote.
   */
  readonly toolVersion?: string;
  /** Called as each file's declarations (`declare`) and IR (`lower`) are known. */
  readonly onFileDone?: (phase: 'declare' | 'lower', path: string) => void;
  /**
   * Called between the units of a file (as each is lowered, and as the flow reaches each):
   * throwing there stops the analysis, which then answers with internal errors only (a
   * language server throws when a newer text arrived, and drops that answer).
   */
  readonly checkpoint?: () => void;
  /**
   * Keep the latest syntax trees of this many files (a language server: the documents being
   * edited), so that a changed text is re-parsed incrementally and parsed once per text, and
   * the units of their latest lowering, so that an edit lowers again only the units it touched.
   */
  readonly recentTrees?: number;
  /** What installed packages do, kept between runs (the CLI's is on disk); by default in memory. */
  readonly libraryCache?: LibraryFactsCache;
}

export async function createAnalyzer(grammar: GrammarBytes, options: AnalyzerOptions = {}, services: AnalyzerServices = {}): Promise<Analyzer> {
  const parser = await PhpParser.create(grammar);
  if (services.recentTrees) parser.keepRecentTrees(services.recentTrees);
  // Files typed in: their units are lowered again only where an edit touched them.
  const units = services.recentTrees ? new LoweredUnits(services.recentTrees) : undefined;
  // And the JavaScript/TypeScript side lowered once per set of their texts, not per edit of a
  // PHP file: the analysis of the open documents and that of the whole folder (two keys).
  const keptTs = services.recentTrees ? new KeptResults<TsLowering>(2) : undefined;
  // And the flow and rules' output of the analysis before, for an edit that changes nothing they read.
  const keptRules = services.recentTrees ? new KeptRulesStage(2) : undefined;
  const enabled: EnabledRule[] = allRules.flatMap((rule) => {
    const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    return setting === 'off' ? [] : [{ rule, severity: setting }];
  });
  // What installed packages do is derived once per package version for the analyzer's
  // lifetime (and longer with a cache on disk).
  const libraryCache = services.libraryCache ?? memoryLibraryCache();
  // Every cached result depends on the build and the options (catalog layers, APIs, rules).
  const salt = digestOf([services.toolVersion ?? '', JSON.stringify(options)]);
  const run = (files: readonly SourceFile[], host: ProjectHost | undefined): AnalysisResult => {
    try {
      const work = new PhpFileWork(parser, services.cache, services.runner, salt, services.onFileDone, services.checkpoint, units);
      return analyzeProject(parser, phpNativeCatalog, enabled, options, files, host, libraryCache, work, keptTs, keptRules);
    } catch (error) {
      // A bug of ours must not take the editor or the CI run down with it.
      const message = error instanceof Error ? error.message : String(error);
      const stack = error instanceof Error ? error.stack : undefined;
      return {
        findings: [],
        errors: files.map((file) => ({
          file: file.path,
          message: `internal error while analysing this file: ${message}`,
          internal: true,
          ...(stack ? { detail: stack } : {}),
        })),
        notes: [],
      };
    }
  };
  return {
    analyzeFile: (file) => run([file], undefined),
    analyzeProject: (files, host) => run(files, host),
    ...(keptRules ? { flowAndRules: keptRules } : {}),
  };
}
