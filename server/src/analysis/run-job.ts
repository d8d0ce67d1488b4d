import { LineIndex, type Finding, type Span } from '../../../core/src';
import type { Analyzer } from '../../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../../rules/src/api';
import { diskHost } from './disk-host';
import type { AnalysisJob, AnalysisOutcome, PositionedFinding } from './job';

/**
 * Makes (or reuses) the analyzer for a set of options and a project folder (whose per-file
 * cache it uses): loading the grammar costs ~35 ms. `flush` writes what the caches learnt.
 */
export type AnalyzerSource = ((options: AnalyzerOptions, root?: string) => Promise<Analyzer>) & { flush?: () => void };

/**
 * One project analysis, as the CLI runs it over its given files, turned into editor
 * coordinates. Runs in the analysis worker (and in-process where no worker can start).
 */
export async function runJob(job: AnalysisJob, analyzers: AnalyzerSource): Promise<AnalysisOutcome> {
  const started = performance.now();
  const analyzer = await analyzers(job.options, job.root);
  const overlays = new Map(job.overlays.map((o) => [o.path, o.text]));
  for (const file of job.files) overlays.set(file.path, file.text);
  const host = diskHost(job.root, overlays, job.maxFileSize);
  const result = analyzer.analyzeProject(job.files, host);
  const lines = new LineCache((file) => overlays.get(file) ?? host.readFile(file) ?? '');
  const range = (span: Span) => lines.range(span);
  const findings = result.findings.map((finding: Finding): PositionedFinding => ({
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    path: finding.span.file,
    range: range(finding.span),
    related: finding.related.map((r) => ({ path: r.span.file, range: range(r.span), message: r.message })),
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      applicability: fix.applicability,
      edits: fix.edits.map((edit) => ({ path: edit.span.file, range: range(edit.span), newText: edit.newText })),
      ...(fix.isolation === undefined ? {} : { isolation: fix.isolation }),
    })),
  }));
  const errors = result.errors.map((error) => ({
    path: error.file,
    message: error.message,
    internal: error.internal === true,
    ...(error.span ? { range: range(error.span) } : {}),
  }));
  return { findings, errors, summaryNotes: result.summaryNotes ?? [], elapsedMs: Math.round(performance.now() - started) };
}

/** One `LineIndex` per file the findings point into, built on first use. */
class LineCache {
  private readonly indexes = new Map<string, LineIndex>();
  constructor(private readonly textOf: (file: string) => string) {}

  range(span: Span) {
    let index = this.indexes.get(span.file);
    if (!index) {
      index = new LineIndex(this.textOf(span.file));
      this.indexes.set(span.file, index);
    }
    return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
  }
}
