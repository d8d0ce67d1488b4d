import type { Location, Report } from '../report';

/**
 * The machine-readable report. Other tools parse it, so the shape is a contract: keys and
 * their order are fixed here, `version` changes when the shape does. Lines and columns are
 * 1-based (columns in UTF-16 code units); `endLine`/`endColumn` is the position just after
 * the range. Error kinds are not exported: the exit code already tells a fatal run apart.
 */
export function renderJson(report: Report): string {
  const document = {
    version: 1,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      ...range(f.location),
      related: f.related.map((r) => ({
        message: r.message,
        file: r.location.file,
        line: r.location.line,
        column: r.location.column,
      })),
      fixes: f.fixes.map((fix) => ({
        title: fix.title,
        applicability: fix.applicability,
        edits: fix.edits.map((e) => ({ ...range(e.location), newText: e.newText })),
      })),
    })),
    errors: report.errors.map((e) => ({ file: e.file, message: e.message })),
    // What changed the findings across the run ("2 lock findings lowered to info: …").
    notes: report.summaryNotes,
    // With --fix: how many findings were fixed (`findings` are those that remain).
    ...(report.fixed !== undefined ? { fixed: report.fixed } : {}),
    ...(report.fixesApplied !== undefined ? { fixesApplied: report.fixesApplied } : {}),
    // How much work the run did: files analysed, PHP files parsed, files whose results came from --cache.
    ...(report.stats !== undefined ? { stats: { filesAnalysed: report.filesAnalysed, ...report.stats } } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function range(location: Location) {
  return {
    file: location.file,
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
  };
}
