import type { Applicability, Fix, TextEdit } from '../model/fix';

/** The texts fixes are applied to, by file (the same names spans use). */
export type FileTexts = ReadonlyMap<string, string>;

export interface AppliedFixes {
  /** Every file's text after this pass (unchanged files included). */
  readonly texts: Map<string, string>;
  /** The fixes applied (a fix offered twice, edit for edit, counts once per offer). */
  readonly applied: readonly Fix[];
  /** Fixes left for the next pass: they overlap one applied before them, or broke a rule below. */
  readonly deferred: readonly Fix[];
  /** Files whose text changed. */
  readonly changed: readonly string[];
}

/** Which fixes a caller wants applied: `safe` for `--fix`, `unsafe` also for `--unsafe-fixes`. */
export function applicableAt(level: 'safe' | 'unsafe'): (fix: Fix) => boolean {
  const accepted: readonly Applicability[] = level === 'safe' ? ['safe'] : ['safe', 'unsafe'];
  return (fix) => accepted.includes(fix.applicability);
}

/**
 * One pass of fixes over a set of texts, as ESLint and Ruff apply them: fixes are taken in the
 * order of their first edit, and a fix whose edits overlap (or insert at the same point as) an
 * edit already taken waits for the next pass, when its finding is computed again on the new
 * text. A fix is all or nothing: one that touches a file outside `texts` (a file that was not
 * analysed), whose edits overlap each other, or that points outside its file is never applied.
 * A fix identical to one already taken (two findings offering the same edit) is applied once;
 * a fix whose `isolation` key an applied fix has waits for the next pass too.
 *
 * Inserted text is written with `\n`; it takes the line ending of the file it goes into, so a
 * CRLF file stays CRLF.
 */
export function applyFixesOnce(texts: FileTexts, fixes: readonly Fix[]): AppliedFixes {
  const ordered = fixes
    .filter((fix) => fix.edits.length > 0)
    .map((fix, index) => ({ fix, index, edits: sortedEdits(fix.edits) }))
    .sort((a, b) => compareEdits(a.edits[0]!, b.edits[0]!) || a.index - b.index);
  const taken: TextEdit[] = [];
  const takenKeys = new Set<string>();
  const isolated = new Set<string>();
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  for (const { fix, edits } of ordered) {
    if (!edits.every((edit) => fitsIn(texts, edit)) || overlapsItself(edits)) continue;
    const key = fixKey(edits);
    if (takenKeys.has(key)) {
      applied.push(fix);
      continue;
    }
    if (edits.some((edit) => taken.some((other) => conflicts(edit, other))) || (fix.isolation !== undefined && isolated.has(fix.isolation))) {
      deferred.push(fix);
      continue;
    }
    taken.push(...edits);
    takenKeys.add(key);
    if (fix.isolation !== undefined) isolated.add(fix.isolation);
    applied.push(fix);
  }
  const result = new Map(texts);
  const changed: string[] = [];
  for (const [file, edits] of groupByFile(taken)) {
    const before = texts.get(file)!;
    const after = applyEdits(before, edits);
    if (after !== before) {
      result.set(file, after);
      changed.push(file);
    }
  }
  return { texts: result, applied, deferred, changed: changed.sort() };
}

export interface FixLoopResult {
  readonly texts: Map<string, string>;
  /** Fixes applied over all passes. */
  readonly applied: readonly Fix[];
  readonly passes: number;
  /** The files whose final text differs from the original. */
  readonly changed: readonly string[];
  /** The last pass still changed something: the bound was reached. */
  readonly bounded: boolean;
}

/** Passes after which fixing stops even if fixes are still offered (ESLint stops at 10 too). */
export const MAX_FIX_PASSES = 10;

/**
 * Applies fixes until nothing changes: after each pass the caller analyses the new texts and
 * says which fixes it offers now (`fixesFor`). Fixes deferred by an overlap come back then,
 * computed on the new text. Bounded: a fix that keeps being offered cannot loop forever.
 */
export function applyFixesUntilStable(
  texts: FileTexts,
  fixesFor: (texts: FileTexts) => readonly Fix[],
  accept: (fix: Fix) => boolean,
  maxPasses = MAX_FIX_PASSES,
): FixLoopResult {
  let current = new Map(texts);
  const applied: Fix[] = [];
  let passes = 0;
  let bounded = false;
  for (;;) {
    const offered = fixesFor(current).filter(accept);
    if (offered.length === 0) break;
    if (passes === maxPasses) {
      bounded = true;
      break;
    }
    const pass = applyFixesOnce(current, offered);
    passes++;
    if (pass.changed.length === 0) break;
    applied.push(...pass.applied);
    current = pass.texts;
  }
  const changed = [...current.keys()].filter((file) => current.get(file) !== texts.get(file)).sort();
  return { texts: current, applied, passes, changed, bounded };
}

function sortedEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort(compareEdits);
}

function compareEdits(a: TextEdit, b: TextEdit): number {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

function fitsIn(texts: FileTexts, edit: TextEdit): boolean {
  const text = texts.get(edit.span.file);
  return text !== undefined && edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= text.length;
}

function overlapsItself(sorted: readonly TextEdit[]): boolean {
  for (let i = 1; i < sorted.length; i++) if (conflicts(sorted[i - 1]!, sorted[i]!)) return true;
  return false;
}

/**
 * Two edits conflict when their ranges share a character, or when both touch the same point
 * (two insertions there, or an insertion at a replaced range's edge): which goes first would
 * be a guess.
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.span.file !== b.span.file) return false;
  if (a.span.start === b.span.start) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

function fixKey(edits: readonly TextEdit[]): string {
  return JSON.stringify(edits.map((e) => [e.span.file, e.span.start, e.span.end, e.newText]));
}

function groupByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) byFile.set(edit.span.file, [...(byFile.get(edit.span.file) ?? []), edit]);
  return byFile;
}

/** Applies non-overlapping edits, last first, so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const eol = lineEndingOf(text);
  let result = text;
  for (const edit of sortedEdits(edits).reverse()) {
    result = result.slice(0, edit.span.start) + withLineEnding(edit.newText, eol) + result.slice(edit.span.end);
  }
  return result;
}

/** The file's line ending: its first one (files that mix them are rare and keep their first). */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * An edit's text as it goes into a file with line ending `eol`: fixes write `\n`, a CRLF file
 * gets `\r\n` (also for consumers that apply edits themselves, such as `--format json`'s).
 */
export function withLineEnding(newText: string, eol: '\n' | '\r\n'): string {
  if (eol === '\n' || !newText.includes('\n')) return newText;
  return newText.replace(/\r?\n/g, eol);
}
