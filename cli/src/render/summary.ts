import type { Severity } from '../../../core/src';
import type { Report } from '../report';

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * `Found 3 problems (2 warnings, 1 info) in 2 files.` ("in N files" counts files with
 * findings) or `No problems found in 12 files.` (files analysed), plus a line counting the
 * input errors when there are any. Notes on what changed findings across the run (lock findings
 * lowered to info because of the session store) follow the count.
 */
export function summaryLines(report: Report): string[] {
  const lines: string[] = [];
  const count = report.findings.length;
  if (count === 0) {
    lines.push(`No problems found in ${plural(report.filesAnalysed, 'file')}.`);
  } else {
    const bySeverity = SEVERITY_ORDER.map((severity) => ({
      severity,
      n: report.findings.filter((f) => f.severity === severity).length,
    }))
      .filter(({ n }) => n > 0)
      .map(({ severity, n }) => severityCount(severity, n));
    const files = new Set(report.findings.map((f) => f.location.file)).size;
    lines.push(`Found ${plural(count, 'problem')} (${bySeverity.join(', ')}) in ${plural(files, 'file')}.`);
  }
  if (report.fixed !== undefined) lines.push(`${fixCountLine(report.fixed, report.fixesApplied, undefined, false)} ${plural(count, 'finding')} remain${count === 1 ? 's' : ''}.`);
  // Findings the whole run changed (lowered to info): said here, so no one needs --verbose to know.
  lines.push(...report.summaryNotes);
  if (report.errors.length > 0) lines.push(`${plural(report.errors.length, 'input error')} (listed above).`);
  return lines;
}

/**
 * `Fixed 3 findings.`, or with `--diff` `Would fix 3 findings in 2 files.`; the fixes applied
 * are counted too where they are not one per finding (`Fixed 4 findings (78 fixes).`): a
 * finding grouped at its cause is fixed at each call site.
 */
export function fixCountLine(fixed: number, applied: number | undefined, files: number | undefined, dryRun: boolean): string {
  const fixes = applied === undefined || applied === fixed ? '' : ` (${plural(applied, 'fix')})`;
  const where = files === undefined ? '' : ` in ${plural(files, 'file')}`;
  return `${dryRun ? 'Would fix' : 'Fixed'} ${plural(fixed, 'finding')}${fixes}${where}.`;
}

function severityCount(severity: Severity, n: number): string {
  // "info" is a mass noun: "2 info", not "2 infos".
  return severity === 'info' ? `${n} info` : plural(n, severity);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : noun.endsWith('x') ? 'es' : 's'}`;
}
