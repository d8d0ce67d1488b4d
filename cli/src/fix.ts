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
  /** Findings whose fix was applied (over every pass). */
  readonly fixed: number;
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
  if (!result.reanalyze || sources.length === 0) return { result, changed: [], fixed: 0, bounded: false };
  let latest: { texts: FileTexts; analysis: ReanalysedResult } | undefined;
  const fixesFor = (texts: FileTexts): readonly Fix[] => {
    if (texts === original) return fixesOf(result.findings);
    const analysis = result.reanalyze!(texts);
    latest = { texts, analysis };
    return fixesOf(analysis.findings);
  };
  const loop = applyFixesUntilStable(original, fixesFor, applicableAt(level));
  if (loop.changed.length === 0 || !latest) return { result, changed: [], fixed: 0, bounded: loop.bounded };
  const final = latest.analysis;
  const texts = new SourceTexts();
  for (const [file, text] of loop.texts) texts.remember(file, text);
  const byPath = new Map(sources.map((s) => [s.displayPath, s]));
  return {
    result: { ...result, findings: final.findings, errors: final.errors, summaryNotes: final.summaryNotes, texts },
    changed: loop.changed.map((file) => ({ displayPath: file, absPath: byPath.get(file)!.absPath, before: original.get(file)!, after: loop.texts.get(file)! })),
    fixed: loop.applied.length,
    bounded: loop.bounded,
  };
}

function fixesOf(findings: readonly Finding[]): Fix[] {
  return findings.flatMap((finding) => finding.fixes);
}
