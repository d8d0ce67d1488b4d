import type { Severity, SlowKind } from '../../core/src';
import type { AnalyzerOptions } from './api';

/**
 * Severity of each kind of slow work unless configured; `warning` follows the rule's own.
 * `long-running` is a sign, not work the analysis sees (`set_time_limit(0)` before calls it
 * cannot follow): on the development corpora's reviews such findings were mostly debatable
 * (the real work a report's SQL or a one-off install) and none was plainly true, so a sign alone
 * is `info`; a region that also holds slow work the analysis sees takes that work's severity.
 */
export const DEFAULT_KIND_SEVERITY: Record<SlowKind, 'info' | 'warning'> = {
  sleep: 'warning',
  polling: 'warning',
  http: 'warning',
  'remote-io': 'warning',
  mail: 'warning',
  ldap: 'warning',
  download: 'warning',
  process: 'warning',
  database: 'info',
  'file-io': 'info',
  'long-running': 'info',
};

export function slowKindSeverity(options: AnalyzerOptions, ruleSeverity: Severity, kind: SlowKind): Severity | 'off' {
  const configured = options.slowKinds?.[kind];
  if (configured !== undefined) return configured;
  return DEFAULT_KIND_SEVERITY[kind] === 'info' ? 'info' : ruleSeverity;
}

/**
 * Kinds of slow work too short to open a lost-update window by default: a database query or a
 * local file read before a session write is how a login or an upload handler normally works.
 * `stale-write-after-await` counts them only when `slowKinds` sets them to `warning` or `error`.
 */
export const SHORT_SLOW_KINDS: ReadonlySet<SlowKind> = new Set<SlowKind>(['database', 'file-io']);

/** Whether an await of this kind, rated `setting`, leaves a session object stale (`stale-write-after-await`). */
export function opensStaleWindow(kind: SlowKind, setting: Severity | 'off'): boolean {
  if (setting === 'off') return false;
  return !SHORT_SLOW_KINDS.has(kind) || setting === 'warning' || setting === 'error';
}

/** Severities from the mildest: the most severe of several findings told as one is the one told. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };
