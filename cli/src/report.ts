import type { Applicability, Finding, LineIndex, Severity, Span } from '../../core/src';
import { withLineEnding } from '../../core/src';
import { compareStrings, displayPath } from '../../rules/src/discovery/paths';
import type { SourceTexts } from './source-texts';

/**
 * What went wrong with an input, by consequence (see exit-code.ts):
 * - `unreadable`: a path that does not exist or a file that could not be read: fails the run;
 * - `internal`: the analyzer threw on a file: fails the run;
 * - `skipped`: binary or too large: reported, not analysed;
 * - `analysis`: reported by the analyzer (syntax errors) or a note on decoding: analysed anyway.
 */
export type ErrorKind = 'unreadable' | 'internal' | 'skipped' | 'analysis';

export interface ReportError {
  readonly kind: ErrorKind;
  readonly file: string;
  readonly message: string;
  readonly span?: Span;
}

/** The raw outcome of a run: engine output plus the texts needed to place it. */
export interface CheckResult {
  readonly findings: readonly Finding[];
  readonly errors: readonly ReportError[];
  /** What the analysis could not follow (unresolved includes); printed with --verbose. */
  readonly notes: readonly ReportError[];
  /** Files that reached the analyzer. */
  readonly filesAnalysed: number;
  readonly texts: SourceTexts;
  /** What changed the findings of the whole run (lock findings lowered, and why): always shown. */
  readonly summaryNotes?: readonly string[];
  /** The files that reached the analyzer, with the text it saw: the only files `--fix` may change. */
  readonly sources?: readonly AnalysedSource[];
  /** Analyses the same files again with some texts replaced (by display path): `--fix`'s next pass. */
  readonly reanalyze?: (texts: ReadonlyMap<string, string>) => ReanalysedResult;
  /** How much per-file work the analysis did (absent when the analyzer does not say). */
  readonly stats?: RunStats;
}

/** Per-file work of a run: files parsed, and files whose results came from `--cache`. */
export interface RunStats {
  readonly filesParsed: number;
  readonly filesFromCache: number;
}

export interface AnalysedSource {
  readonly displayPath: string;
  readonly absPath: string;
  readonly text: string;
}

/** What a new analysis of fixed texts gives: findings, and errors (reading errors kept). */
export interface ReanalysedResult {
  readonly findings: readonly Finding[];
  readonly errors: readonly ReportError[];
  readonly summaryNotes: readonly string[];
}

/** 1-based lines and columns (UTF-16 code units); the end is exclusive. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface LocatedRelated {
  readonly message: string;
  readonly location: Location;
}

export interface LocatedFix {
  readonly title: string;
  readonly applicability: Applicability;
  readonly edits: ReadonlyArray<{ readonly location: Location; readonly newText: string }>;
}

export interface LocatedFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location: Location;
  readonly related: readonly LocatedRelated[];
  readonly fixes: readonly LocatedFix[];
  /** The lines of the function (or script) the finding is in: a code frame quotes no line outside it unlabelled. */
  readonly scope?: { readonly firstLine: number; readonly lastLine: number };
}

export interface LocatedError {
  readonly kind: ErrorKind;
  readonly file: string;
  readonly message: string;
  readonly location?: Location;
}

/** What renderers consume: positions resolved, everything in a deterministic order. */
export interface Report {
  readonly findings: readonly LocatedFinding[];
  readonly errors: readonly LocatedError[];
  readonly filesAnalysed: number;
  /** Printed with the summary, and as `notes` in JSON. */
  readonly summaryNotes: readonly string[];
  /** With `--fix`: how many findings the fixes removed (the findings are those that remain). */
  readonly fixed?: number;
  /** With `--fix`: how many fixes were applied (a finding grouped at its cause takes one per call site). */
  readonly fixesApplied?: number;
  readonly stats?: RunStats;
}

/**
 * Turns spans into 1-based positions. Files the spans point into but whose text is not at
 * hand are loaded first; one that cannot be loaded gets an `analysis` error and its
 * positions fall back to 1:1, so one odd related location never loses the whole report.
 */
export async function buildReport(result: CheckResult, cwd: string): Promise<Report> {
  const name = (file: string): string => displayPath(cwd, file);
  const spans: Span[] = [];
  for (const f of result.findings) {
    spans.push(f.span, ...f.related.map((r) => r.span));
    for (const fix of f.fixes) spans.push(...fix.edits.map((e) => e.span));
  }
  for (const e of result.errors) if (e.span !== undefined) spans.push(e.span);
  const failures = await result.texts.ensure(spans.map((s) => name(s.file)));

  const locate = (span: Span): Location => locateSpan(span, name(span.file), result.texts.get(name(span.file)));
  const findings: LocatedFinding[] = result.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    location: locate(f.span),
    ...(f.scope ? { scope: linesOf(locate(f.scope)) } : {}),
    related: f.related.map((r) => ({ message: r.message, location: locate(r.span) })),
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      applicability: fix.applicability,
      // In the file's line ending, so that a consumer can apply the edit to the text as it is.
      edits: fix.edits.map((e) => ({ location: locate(e.span), newText: withLineEnding(e.newText, result.texts.lineEndingOf(name(e.span.file))) })),
    })),
  }));
  const errors: LocatedError[] = [
    ...result.errors.map((e) => ({
      kind: e.kind,
      file: name(e.file),
      message: e.message,
      ...(e.span === undefined ? {} : { location: locate(e.span) }),
    })),
    ...failures.map((f) => ({
      kind: 'analysis' as const,
      file: f.file,
      message: `cannot show positions in this file: ${f.message}`,
    })),
  ];
  return {
    findings: findings.sort(compareFindings),
    errors: errors.sort(compareErrors),
    filesAnalysed: result.filesAnalysed,
    summaryNotes: result.summaryNotes ?? [],
    ...(result.stats ? { stats: result.stats } : {}),
  };
}

function linesOf(location: Location): { firstLine: number; lastLine: number } {
  return { firstLine: location.line, lastLine: location.endLine };
}

export function locateSpan(span: Span, file: string, index: LineIndex | undefined): Location {
  if (index === undefined) return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const start = index.positionAt(span.start);
  const end = index.positionAt(Math.max(span.start, span.end));
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

/** File, line, column, rule; then the rest, so equal keys still sort the same every run. */
export function compareFindings(a: LocatedFinding, b: LocatedFinding): number {
  return (
    compareLocations(a.location, b.location) ||
    compareStrings(a.rule, b.rule) ||
    a.location.endLine - b.location.endLine ||
    a.location.endColumn - b.location.endColumn ||
    compareStrings(a.message, b.message)
  );
}

function compareErrors(a: LocatedError, b: LocatedError): number {
  if (a.file !== b.file) return compareStrings(a.file, b.file);
  // Whole-file errors (unreadable, binary) before positioned ones (syntax errors).
  if (a.location === undefined || b.location === undefined) {
    if (a.location !== b.location) return a.location === undefined ? -1 : 1;
  } else {
    const byPosition = compareLocations(a.location, b.location);
    if (byPosition !== 0) return byPosition;
  }
  return compareStrings(a.message, b.message);
}

function compareLocations(a: Location, b: Location): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column;
}
