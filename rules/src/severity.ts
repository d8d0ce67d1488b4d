import type { Severity, SlowKind } from '../../core/src';
import type { AnalyzerOptions } from './api';

/** Severity of each kind of slow work unless configured; `warning` follows the rule's own. */
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
};

export function slowKindSeverity(options: AnalyzerOptions, ruleSeverity: Severity, kind: SlowKind): Severity | 'off' {
  const configured = options.slowKinds?.[kind];
  if (configured !== undefined) return configured;
  return DEFAULT_KIND_SEVERITY[kind] === 'info' ? 'info' : ruleSeverity;
}
