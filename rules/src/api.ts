import type { Finding, InputError, Severity, SlowKind } from '../../core/src';

/** A file handed to the analyzer. `path` is how the caller wants it named in output. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export type RuleSetting = Severity | 'off';

export interface AnalyzerOptions {
  /** Per rule: a severity, or `off`. Rules not listed use their default. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Per slow kind: a severity, or `off` (e.g. `{ database: 'off' }`). */
  readonly slowKinds?: Readonly<Partial<Record<SlowKind, RuleSetting>>>;
}

export interface AnalysisResult {
  readonly findings: readonly Finding[];
  /** Problems with the input: syntax errors, nesting too deep. Analysis still ran. */
  readonly errors: readonly InputError[];
}
