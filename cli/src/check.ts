import * as path from 'node:path';
import type { Finding } from '../../core/src';
import type { Analyzer } from '../../rules/src/analyzer';
import { discoverFiles, type SkippedPath } from './discover';
import { displayPath } from './paths';
import { readSource, type SourceFileSystem } from './read-source';
import type { CheckResult, ReportError } from './report';
import { SourceTexts } from './source-texts';

export interface CheckOptions {
  /** As typed on the command line; empty means the working directory. */
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly respectIgnoreFiles: boolean;
  readonly includeVendor: boolean;
  readonly maxFileSize: number;
}

export interface CheckHooks {
  /**
   * Called once, and only when there is a file to analyse: loading the grammar costs time,
   * and a run over no PHP files should not pay for it (or fail if the grammar is missing).
   */
  readonly createAnalyzer: () => Promise<Analyzer>;
  /** Each path discovery left out, for `--verbose`. */
  readonly onSkip?: (skipped: SkippedPath) => void;
  readonly fs?: SourceFileSystem;
}

/** discover → read → analyse, file by file; the analyzer itself is synchronous per file. */
export async function runCheck(options: CheckOptions, hooks: CheckHooks): Promise<CheckResult> {
  const { cwd, maxFileSize } = options;
  const discovery = await discoverFiles(options.paths.length > 0 ? options.paths : ['.'], {
    cwd,
    respectIgnoreFiles: options.respectIgnoreFiles,
    includeVendor: options.includeVendor,
  });
  for (const skipped of discovery.skipped) hooks.onSkip?.(skipped);

  const findings: Finding[] = [];
  const errors: ReportError[] = discovery.unreadable.map((u) => ({
    kind: 'unreadable' as const,
    file: u.displayPath,
    message: u.message,
  }));
  const readOptions = { maxFileSize, ...(hooks.fs === undefined ? {} : { fs: hooks.fs }) };
  const texts = new SourceTexts(async (file) => {
    const outcome = await readSource(path.resolve(cwd, file), readOptions);
    return outcome.kind === 'ok' ? { text: outcome.text } : { error: outcome.message };
  });

  let analyzer: Analyzer | undefined;
  let filesAnalysed = 0;
  for (const file of discovery.files) {
    const source = await readSource(file.absPath, readOptions);
    if (source.kind !== 'ok') {
      errors.push({ kind: source.kind, file: file.displayPath, message: source.message });
      continue;
    }
    for (const note of source.notes) errors.push({ kind: 'analysis', file: file.displayPath, message: note });

    analyzer ??= await hooks.createAnalyzer();
    let result;
    try {
      result = analyzer.analyzeFile({ path: file.displayPath, text: source.text });
    } catch (err) {
      // The analyzer promises never to throw; if it does, one file must not cost the report
      // on all the others, but the run must not pass either.
      errors.push({ kind: 'internal', file: file.displayPath, message: `internal error while analysing: ${errorMessage(err)}` });
      continue;
    }
    filesAnalysed++;
    findings.push(...result.findings);
    for (const e of result.errors) {
      errors.push({ kind: 'analysis', file: displayPath(cwd, e.file), message: e.message, ...(e.span ? { span: e.span } : {}) });
    }
    if (result.findings.length > 0 || result.errors.some((e) => e.span !== undefined)) {
      texts.remember(file.displayPath, source.text);
    }
  }
  return { findings, errors, filesAnalysed, texts };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
