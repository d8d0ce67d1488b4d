import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSource, isTypeScriptPath, type Finding } from '../../core/src';
import type { Analyzer } from '../../rules/src/analyzer';
import type { AnalysisResult, ProjectHost } from '../../rules/src/api';
import type { SkippedPath } from '../../rules/src/discovery/discover';
import { displayPath } from '../../rules/src/discovery/paths';
import { selectProjectFiles, type SelectionOptions } from '../../rules/src/discovery/project-files';
import { readSource, type SourceFileSystem } from '../../rules/src/discovery/read-source';
import type { AnalysedSource, CheckResult, ReanalysedResult, ReportError, RunStats } from './report';
import { SourceTexts } from './source-texts';
import type { RunCache } from '../../rules/src/cache/run-cache';

/** Which files to check: the selection the language server's workspace index shares. */
export type CheckOptions = SelectionOptions;

export interface CheckHooks {
  /**
   * Called once, and only when there is a file to analyse: loading the grammar costs time,
   * and a run over no PHP files should not pay for it (or fail if the grammar is missing).
   */
  readonly createAnalyzer: () => Promise<Analyzer>;
  /** Each path discovery left out, for `--verbose`. */
  readonly onSkip?: (skipped: SkippedPath) => void;
  readonly fs?: SourceFileSystem;
  /** Show stack traces of internal errors. */
  readonly verbose?: boolean;
  /** Reads included files outside the given paths; default: the file system under cwd. */
  readonly host?: ProjectHost;
  /**
   * `--cache`: the whole run's result, reused when the given files and everything the
   * analysis read through the host are unchanged (no analyzer is then even created).
   */
  readonly runCache?: RunCache;
  /** Called once the PHP files to analyse are known (for the progress bar). */
  readonly onFilesKnown?: (count: number) => void;
}

/** discover → read → analyse the files together as one project. */
export async function runCheck(options: CheckOptions, hooks: CheckHooks): Promise<CheckResult> {
  const { cwd, maxFileSize } = options;
  const selection = await selectProjectFiles(options, { ...(hooks.onSkip ? { onSkip: hooks.onSkip } : {}), ...(hooks.fs ? { fs: hooks.fs } : {}) });
  const findings: Finding[] = [];
  const errors: ReportError[] = selection.errors.map((e) => ({ kind: e.kind, file: e.file, message: e.message }));
  const readOptions = { maxFileSize, ...(hooks.fs === undefined ? {} : { fs: hooks.fs }) };
  const texts = new SourceTexts(async (file) => {
    const outcome = await readSource(path.resolve(cwd, file), readOptions);
    return outcome.kind === 'ok' ? { text: outcome.text } : { error: outcome.message };
  });
  const sources: AnalysedSource[] = [...selection.sources];
  const discovery = selection;
  if (sources.length === 0) return { findings, errors, notes: [], filesAnalysed: 0, texts, sources };

  const host = hooks.host ?? projectHost(cwd, maxFileSize);
  const files = sources.map((s) => ({ path: s.displayPath, text: s.text }));
  // The bar counts the PHP files: their declarations and lowering are what it follows.
  hooks.onFilesKnown?.(files.filter((f) => !isTypeScriptPath(f.path)).length);
  const { runCache } = hooks;
  const runKey = runCache?.keyOf(files);
  const cached = runKey === undefined ? undefined : runCache!.lookup(runKey, host);
  // A warm run over an unchanged tree: the result as it was, and no analyzer to create.
  const analyzer = cached ? undefined : await hooks.createAnalyzer();
  let results: { files: readonly string[]; result: AnalysisResult }[];
  if (cached || !analyzer) {
    // Nothing was parsed: every file's results came from the cache.
    results = cached ? [{ files: files.map((f) => f.path), result: { ...cached, stats: { ...(cached.stats ?? { units: 0, searchWork: 0 }), files: cached.stats?.files ?? files.length, filesParsed: 0, filesFromCache: cached.stats?.files ?? files.length } } }] : [];
  } else try {
    // One project: calls and includes are followed across all the files.
    const analyse = (through: ProjectHost): AnalysisResult => analyzer.analyzeProject(files, through);
    results = [{ files: files.map((f) => f.path), result: runKey === undefined ? analyse(host) : runCache!.analyse(runKey, host, analyse) }];
  } catch (err) {
    // The analyzer promises never to throw; if it does, analyse file by file so one file
    // cannot cost the report on all the others (the run still fails).
    errors.push({ kind: 'internal', file: files[0]!.path, message: `internal error in the project analysis: ${errorMessage(err)}` });
    results = [];
    for (const file of files) {
      try {
        results.push({ files: [file.path], result: analyzer.analyzeFile(file) });
      } catch (fileErr) {
        errors.push({ kind: 'internal', file: file.path, message: `internal error while analysing: ${errorMessage(fileErr)}` });
      }
    }
  }
  const notes: ReportError[] = [];
  const summaryNotes: string[] = [];
  if (discovery.tests.folders > 0 || discovery.tests.named > 0) {
    const { folders, files: testFiles, named } = discovery.tests;
    const parts = [
      ...(folders > 0 ? [`${folders} test folder(s) holding ${testFiles} file(s) to analyse`] : []),
      ...(named > 0 ? [`${named} test file(s) named so elsewhere (\`*.spec.ts\`, \`*.test.js\`)`] : []),
    ];
    notes.push({ kind: 'analysis', file: '.', message: `left out as tests: ${parts.join(' and ')} (use --include-tests to analyse them)` });
  }
  let filesAnalysed = 0;
  const readErrors = [...errors];
  for (const { files: analysed, result } of results) {
    filesAnalysed += analysed.length;
    findings.push(...result.findings);
    errors.push(...analyzerErrors(result, cwd, hooks.verbose === true));
    for (const n of result.notes ?? []) notes.push({ kind: 'analysis', file: displayPath(cwd, n.file), message: n.message });
    for (const note of result.summaryNotes ?? []) if (!summaryNotes.includes(note)) summaryNotes.push(note);
  }
  for (const source of sources) texts.remember(source.displayPath, source.text);
  // The same project again with some texts changed (by fixes), for `--fix`'s next pass
  // (`--fix` runs without the run cache, so there is an analyzer).
  const reanalyze = (changed: ReadonlyMap<string, string>): ReanalysedResult => {
    const result = analyzer!.analyzeProject(
      files.map((f) => ({ path: f.path, text: changed.get(f.path) ?? f.text })),
      host,
    );
    return { findings: result.findings, errors: [...readErrors, ...analyzerErrors(result, cwd, hooks.verbose === true)], summaryNotes: result.summaryNotes ?? [] };
  };
  return { findings, errors, notes, filesAnalysed, texts, summaryNotes, sources, ...(analyzer ? { reanalyze } : {}), ...(statsOf(results)) };
}

/** How much per-file work the run did (for `--format json`'s `stats` and the benchmark). */
function statsOf(results: readonly { result: AnalysisResult }[]): { stats?: RunStats } {
  const stats = results.map((r) => r.result.stats).filter((s) => s !== undefined);
  if (stats.length === 0) return {};
  return { stats: { filesParsed: stats.reduce((sum, s) => sum + (s.filesParsed ?? 0), 0), filesFromCache: stats.reduce((sum, s) => sum + (s.filesFromCache ?? 0), 0) } };
}

/** The analyzer's errors as the report's (with --verbose, an internal error's stack follows its message). */
function analyzerErrors(result: AnalysisResult, cwd: string, verbose: boolean): ReportError[] {
  return result.errors.map((e) => {
    const message = e.internal && verbose && e.detail ? `${e.message}\n${e.detail}` : e.message;
    return { kind: e.internal ? 'internal' : 'analysis', file: displayPath(cwd, e.file), message, ...(e.span ? { span: e.span } : {}) };
  });
}

/**
 * Reads files the analysis needs but was not given (an included bootstrap, a tsconfig the
 * project extends, a workspace's packages), relative to cwd, up to the file system's root.
 */
function projectHost(cwd: string, maxFileSize: number): ProjectHost {
  return {
    levelsAbove: path.resolve(cwd).split(path.sep).filter((part) => part !== '').length,
    listFolders(dir: string): string[] | undefined {
      try {
        return fs
          .readdirSync(path.resolve(cwd, dir), { withFileTypes: true })
          .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path.resolve(cwd, dir, entry.name))))
          .map((entry) => (dir === '.' ? entry.name : `${dir}/${entry.name}`));
      } catch {
        return undefined;
      }
    },
    listDirectory(dir: string): string[] | undefined {
      try {
        return fs
          .readdirSync(path.resolve(cwd, dir), { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => (dir === '.' ? entry.name : `${dir}/${entry.name}`));
      } catch {
        return undefined;
      }
    },
    readFile(file: string): string | undefined {
      try {
        const absolute = path.resolve(cwd, file);
        const stat = fs.statSync(absolute);
        if (!stat.isFile() || stat.size > maxFileSize) return undefined;
        const decoded = decodeSource(fs.readFileSync(absolute));
        return decoded.binary ? undefined : decoded.text;
      } catch {
        return undefined;
      }
    },
  };
}

function isDirectory(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

