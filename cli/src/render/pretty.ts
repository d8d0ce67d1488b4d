import type { LineIndex, Severity } from '../../../core/src';
import type { Colors } from '../color';
import type { LocatedError, LocatedFinding, Location, Report } from '../report';
import { renderCodeFrame, type FrameAnnotation, type FrameStyle } from './code-frame';
import { summaryLines } from './summary';

export interface PrettyOptions {
  readonly colors: Colors;
  /** Leave out the summary (`--quiet`): findings and errors only. */
  readonly quiet: boolean;
}

/** The source lines the frames quote; a file missing here gets no frame, just its location. */
export interface LineSource {
  get(file: string): LineIndex | undefined;
}

/**
 * The human report, Ruff-like: per finding a header, the location, a code frame with the
 * related locations of the same file, notes for related locations elsewhere and fix titles;
 * then the input errors; then the summary. Everything goes to stdout, so the whole report
 * pipes or redirects as one.
 */
export function renderPretty(report: Report, texts: LineSource, options: PrettyOptions): string {
  const { colors } = options;
  const blocks = report.findings.map((finding) => renderFinding(finding, texts, colors).join('\n'));
  if (report.errors.length > 0) blocks.push(report.errors.map((e) => renderError(e, colors)).join('\n'));
  if (!options.quiet) blocks.push(summaryLines(report).map((line) => colors.bold(line)).join('\n'));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

function renderFinding(finding: LocatedFinding, texts: LineSource, colors: Colors): string[] {
  const paint = severityColor(finding.severity, colors);
  const { location } = finding;
  const index = texts.get(location.file);
  const sameFile = finding.related.filter((r) => r.location.file === location.file && index !== undefined);
  const elsewhere = finding.related.filter((r) => !sameFile.includes(r));

  const annotations: FrameAnnotation[] = [
    { location, style: 'primary' },
    ...sameFile.map((r) => ({ location: r.location, style: 'secondary' as const, label: r.message })),
  ];
  const width = String(Math.max(...annotations.map((a) => a.location.line))).length;
  const frameStyle: FrameStyle = {
    gutter: (s) => colors.blue(colors.bold(s)),
    primary: (s) => paint(s),
    secondary: (s) => colors.blue(s),
  };

  const lines = [
    `${paint(colors.bold(`${finding.severity}[${finding.rule}]`))}${colors.bold(`: ${finding.message}`)}`,
    `${' '.repeat(width)}${colors.blue(colors.bold('-->'))} ${position(location)}`,
    ...(index === undefined ? [] : renderCodeFrame(index, annotations, frameStyle, finding.scope)),
    ...elsewhere.map((r) => `${' '.repeat(width + 1)}${colors.bold('= note:')} ${position(r.location)}: ${r.message}`),
    ...finding.fixes.map((fix) => `${colors.cyan(colors.bold('help:'))} ${fix.title} (${fix.applicability})`),
  ];
  return lines;
}

function renderError(error: LocatedError, colors: Colors): string {
  const where = error.location === undefined ? error.file : position(error.location);
  return `${colors.red(colors.bold('error'))}: ${where}: ${error.message}`;
}

function position(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`;
}

function severityColor(severity: Severity, colors: Colors): (s: string) => string {
  switch (severity) {
    case 'error':
      return colors.red;
    case 'warning':
      return colors.yellow;
    case 'info':
      return colors.cyan;
  }
}
