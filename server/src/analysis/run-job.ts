import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTypeScriptPath, LineIndex, lineEndingOf, withLineEnding, type Finding, type Span } from '../../../core/src';
import type { Analyzer } from '../../../rules/src/analyzer';
import type { AnalyzerOptions, SourceFile } from '../../../rules/src/api';
import type { RunCache } from '../../../rules/src/cache/run-cache';
import { diskHost } from './disk-host';
import type { AnalysisJob, AnalysisOutcome, PositionedFinding } from './job';
import { sortedByPath, type WorkspaceFiles } from './workspace-files';

/**
 * Makes (or reuses) the analyzer for a set of options and a project folder (whose per-file
 * cache it uses): loading the grammar costs ~35 ms. `flush` writes what the caches learnt.
 */
export type AnalyzerSource = ((options: AnalyzerOptions, root?: string) => Promise<Analyzer>) & {
  flush?: () => void;
  /** The whole analyses' results of a project folder, kept with what they read (in memory over the disk cache). */
  runCacheOf?: (options: AnalyzerOptions, root: string) => RunCache;
  /** Called as each PHP file's declarations and IR are known, by the analysis running now. */
  onFileDone?: ((phase: 'declare' | 'lower', path: string) => void) | undefined;
  /** Called between the units of a file by the analysis running now: throws to stop it. */
  checkpoint?: (() => void) | undefined;
  /**
   * Whether what the next analyses of the project folder compute is kept on disk too: only an
   * analysis of saved texts is (what a start will read), so typing writes nothing to disk.
   */
  keepOnDisk?: (root: string, yes: boolean) => void;
};

/** What a job may use besides the analyzers: the workspace folders' files, the job's progress and cancellation. */
export interface JobContext {
  readonly workspaceFiles?: WorkspaceFiles;
  /** PHP files declared and lowered so far (each counts twice), of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Asked between files and between the units of a file: true stops the analysis (it rejects with `JobCancelled`). */
  readonly cancelled?: () => boolean;
}

/** The job was cancelled (a newer text of its project arrived) before it finished. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * One project analysis, as the CLI runs it over its given files, turned into editor
 * coordinates. Runs in the analysis worker (and in-process where no worker can start).
 */
export async function runJob(job: AnalysisJob, analyzers: AnalyzerSource, context: JobContext = {}): Promise<AnalysisOutcome> {
  const started = performance.now();
  const stopIfCancelled = () => {
    if (context.cancelled?.()) throw new JobCancelled();
  };
  const analyzer = await analyzers(job.options, job.root);
  const overlays = new Map(job.overlays.map((o) => [o.path, o.text]));
  for (const file of job.files) overlays.set(file.path, file.text);
  const host = diskHost(job.root, overlays, job.maxFileSize);
  const project = job.workspace && context.workspaceFiles ? await workspaceProject(job, context.workspaceFiles) : undefined;
  const files = project?.files ?? job.files;
  const saved = project?.saved ?? job.files.every((file) => readsAsSaved(job.root, file));
  analyzers.keepOnDisk?.(job.root, saved);
  stopIfCancelled();
  const total = 2 * files.filter((file) => !isTypeScriptPath(file.path)).length;
  let done = 0;
  analyzers.onFileDone = () => {
    stopIfCancelled(); // thrown inside the analysis, which turns it into errors: checked again below
    context.onProgress?.(Math.min(++done, total), total);
  };
  // Inside a file too: a newer text of a long file stops the lowering or the rules mid-file.
  analyzers.checkpoint = stopIfCancelled;
  let result;
  let reused = false;
  try {
    // An unchanged project (a second start, a document opened and closed again) is read and
    // hashed, not analysed.
    // Only texts as saved are kept: one entry per save, not per keystroke.
    const runs = project?.saved ? analyzers.runCacheOf?.(job.options, job.root) : undefined;
    const key = runs?.keyOf(files);
    const analyse = (through: typeof host) => analyzer.analyzeProject(files, through);
    const kept = runs && key !== undefined ? runs.lookup(key, host) : undefined;
    reused = kept !== undefined;
    result = kept ?? (runs && key !== undefined ? runs.analyse(key, host, analyse) : analyse(host));
  } finally {
    analyzers.onFileDone = undefined;
    analyzers.checkpoint = undefined;
  }
  stopIfCancelled();
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
      // Fixes write `\n`; the editor applies the text as given, so a CRLF file gets `\r\n`.
      edits: fix.edits.map((edit) => ({ path: edit.span.file, range: range(edit.span), newText: lines.inLineEndingOf(edit.span.file, edit.newText) })),
      ...(fix.isolation === undefined ? {} : { isolation: fix.isolation }),
    })),
  }));
  const errors = result.errors.map((error) => ({
    path: error.file,
    message: error.message,
    internal: error.internal === true,
    ...(error.span ? { range: range(error.span) } : {}),
  }));
  const stats = { filesParsed: reused ? 0 : (result.stats?.filesParsed ?? 0), reused };
  return { findings, errors, summaryNotes: result.summaryNotes ?? [], elapsedMs: Math.round(performance.now() - started), stats };
}

/**
 * A workspace folder's project: its files as the CLI selects them, with the editor's texts
 * over them; an open document the selection leaves out (a vendor file, an ignored one) is
 * analysed too, as a file named on the command line is. An open document the editor does not
 * want analysed (over the size limit) is left out.
 */
async function workspaceProject(job: AnalysisJob, workspaceFiles: WorkspaceFiles): Promise<{ files: SourceFile[]; saved: boolean }> {
  const scope = job.workspace!;
  const selected = await workspaceFiles.of(job.root, scope, job.maxFileSize);
  const open = new Set(job.files.map((file) => file.path));
  const leftOut = new Set(job.overlays.map((file) => file.path));
  const closed = selected.filter((file) => !open.has(file.path) && !leftOut.has(file.path));
  const onDisk = new Map(selected.map((file) => [file.path, file.text]));
  return {
    files: sortedByPath<SourceFile>([...(scope.report === 'all' ? closed : closed.map((file) => ({ ...file, reported: false }))), ...job.files]),
    // Every open document reads as its file on disk (nothing typed since the last save).
    saved: job.files.every((file) => onDisk.get(file.path) === file.text),
  };
}

/** Whether the editor's text of a file (outside every workspace folder) is the file on disk. */
function readsAsSaved(root: string, file: { readonly path: string; readonly text: string }): boolean {
  try {
    return fs.readFileSync(path.resolve(root, file.path), 'utf8') === file.text;
  } catch {
    return false;
  }
}

/** One `LineIndex` (and line ending) per file the findings point into, found on first use. */
class LineCache {
  private readonly indexes = new Map<string, LineIndex>();
  private readonly lineEndings = new Map<string, '\n' | '\r\n'>();
  constructor(private readonly textOf: (file: string) => string) {}

  range(span: Span) {
    let index = this.indexes.get(span.file);
    if (!index) {
      index = new LineIndex(this.textOf(span.file));
      this.indexes.set(span.file, index);
    }
    return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
  }

  /** An edit's text in the line ending of the file it goes into. */
  inLineEndingOf(file: string, newText: string): string {
    let eol = this.lineEndings.get(file);
    if (eol === undefined) {
      eol = lineEndingOf(this.textOf(file));
      this.lineEndings.set(file, eol);
    }
    return withLineEnding(newText, eol);
  }
}
