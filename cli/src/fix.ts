import { applicableAt, applyFixesUntilStable, type FileTexts, type Finding, type Fix } from '../../core/src';
import type { CheckResult, ReanalysedResult } from './report';
import { SourceTexts } from './source-texts';

/** `--fix` takes safe fixes; `--unsafe-fixes` unsafe ones too. Display-only fixes never. */
export type FixLevel = 'safe' | 'unsafe';

export interface FixRun {
  /** The run as it stands after the fixes: findings and errors of the fixed texts. */
  readonly result: CheckResult;
  /** The files whose text changed, with the text read at the start and the fixed one. */
  readonly changed: ReadonlyArray<{ readonly displayPath: string; readonly absPath: string; readonly before: string; readonly after: string }>;
  /**
   * Findings fixed: how many fewer there are after the fixes than before. Not the fixes
   * applied: a finding grouped at its cause offers one fix per call site, and a later pass may
   * finish what an earlier one began.
   */
  readonly fixed: number;
  /** The fixes applied, over every pass (their edits name the files they changed). */
  readonly applied: readonly Fix[];
  /** Fixing stopped at the pass bound while fixes were still offered. */
  readonly bounded: boolean;
}

/**
 * Applies the fixes the run's findings offer at `level`, in memory: pass after pass, each
 * time analysing the fixed texts again (a fix deferred by an overlap is offered again on the
 * new text), until none is offered. Only the files the run analysed can change.
 */
export function fixRun(result: CheckResult, level: FixLevel): FixRun {
  const sources = result.sources ?? [];
  const original: FileTexts = new Map(sources.map((s) => [s.displayPath, s.text]));
  if (!result.reanalyze || sources.length === 0) return { result, changed: [], fixed: 0, applied: [], bounded: false };
  let latest: { texts: FileTexts; analysis: ReanalysedResult } | undefined;
  const fixesFor = (texts: FileTexts): readonly Fix[] => {
    if (texts === original) return fixesOf(result.findings);
    const analysis = result.reanalyze!(texts);
    latest = { texts, analysis };
    return fixesOf(analysis.findings);
  };
  const loop = applyFixesUntilStable(original, fixesFor, applicableAt(level));
  if (loop.changed.length === 0 || !latest) return { result, changed: [], fixed: 0, applied: [], bounded: loop.bounded };
  const final = latest.analysis;
  const texts = new SourceTexts();
  for (const [file, text] of loop.texts) texts.remember(file, text);
  const byPath = new Map(sources.map((s) => [s.displayPath, s]));
  return {
    result: { ...result, findings: final.findings, errors: final.errors, summaryNotes: final.summaryNotes, texts },
    changed: loop.changed.map((file) => ({ displayPath: file, absPath: byPath.get(file)!.absPath, before: original.get(file)!, after: loop.texts.get(file)! })),
    fixed: fewer(result.findings, final.findings),
    applied: loop.applied,
    bounded: loop.bounded,
  };
}

/**
 * The files that must stay as they are when `leftOut` cannot be written (changed on disk
 * during the run): those, and every file an applied fix changes together with one of them (a
 * fix is all or nothing, also across files).
 */
export function filesTiedTo(run: FixRun, leftOut: Iterable<string>): Set<string> {
  const tied = new Set(leftOut);
  for (let grew = true; grew; ) {
    grew = false;
    for (const fix of run.applied) {
      const files = fix.edits.map((edit) => edit.span.file);
      if (!files.some((file) => tied.has(file))) continue;
      for (const file of files) if (!tied.has(file)) (tied.add(file), (grew = true));
    }
  }
  return tied;
}

/**
 * The fix run as it is on disk when the files in `leftOut` keep the text the run read: the
 * other files' fixes stand, the findings are those of that mix of texts (so a file left out
 * reports what it still holds), and only the fixes that changed no file left out are applied.
 */
export function fixRunWithout(result: CheckResult, run: FixRun, leftOut: ReadonlySet<string>): FixRun {
  if (leftOut.size === 0 || !result.reanalyze) return run;
  const changed = run.changed.filter((file) => !leftOut.has(file.displayPath));
  const applied = run.applied.filter((fix) => fix.edits.every((edit) => !leftOut.has(edit.span.file)));
  const texts: Map<string, string> = new Map((result.sources ?? []).map((s) => [s.displayPath, s.text]));
  for (const file of changed) texts.set(file.displayPath, file.after);
  const analysis = result.reanalyze(texts);
  const shown = new SourceTexts();
  for (const [file, text] of texts) shown.remember(file, text);
  return {
    result: { ...result, findings: analysis.findings, errors: analysis.errors, summaryNotes: analysis.summaryNotes, texts: shown },
    changed,
    fixed: applied.length === 0 ? 0 : fewer(result.findings, analysis.findings),
    applied,
    bounded: run.bounded,
  };
}

/** How many findings the fixes removed (fixes add none: `rules/test/fixes.test.ts` checks that on every fixture). */
function fewer(before: readonly Finding[], after: readonly Finding[]): number {
  return Math.max(0, before.length - after.length);
}

function fixesOf(findings: readonly Finding[]): Fix[] {
  return findings.flatMap((finding) => finding.fixes);
}
