import type { Severity } from '../../core/src';
import type { ErrorKind } from './report';

/**
 * The exit-code policy, in one place:
 * - 2 when the run could not do its job: an input could not be read, or the analyzer
 *   failed. Wins over 1, since a partial result must not pass CI by accident. (Usage
 *   errors also exit 2; main.ts handles those before any analysis.)
 * - 1 when a finding of severity `warning` or `error` was reported.
 * - 0 otherwise. `info` findings alone do not fail a run (they are advice), and neither do
 *   syntax errors, binary or too-large files: those are reported but are no verdict on the
 *   code's use of locks.
 */
export const ExitCode = { Clean: 0, ProblemsFound: 1, Failure: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const FAILING_SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(['warning', 'error']);
const FAILING_ERROR_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['unreadable', 'internal']);

export function exitCodeFor(
  findings: ReadonlyArray<{ readonly severity: Severity }>,
  errors: ReadonlyArray<{ readonly kind: ErrorKind }>,
): ExitCode {
  if (errors.some((e) => FAILING_ERROR_KINDS.has(e.kind))) return ExitCode.Failure;
  if (findings.some((f) => FAILING_SEVERITIES.has(f.severity))) return ExitCode.ProblemsFound;
  return ExitCode.Clean;
}
