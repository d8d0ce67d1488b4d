// What each tool of tools/bench.mjs found, read from its output: a short text for the table
// and the counts the report compares (`count`: findings, matches, reports; `files` work).
// Each throws on output it cannot read; the row then says so.

/** session-lint's JSON report: findings by severity, and the per-file work from `stats`. */
export function sessionLintFound(one) {
  const report = JSON.parse(one.stdout);
  const bySeverity = {};
  for (const finding of report.findings) bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
  const severities = Object.entries(bySeverity).map(([severity, n]) => `${n} ${severity}`).join(', ');
  const stats = report.stats;
  const files = stats
    ? {
        analysed: stats.filesAnalysed,
        parsed: stats.filesParsed,
        fromCache: stats.filesFromCache ?? 0,
        // Given to the analyzer, but neither parsed nor read from the cache.
        skipped: Math.max(0, (stats.filesAnalysed ?? 0) - (stats.filesParsed ?? 0) - (stats.filesFromCache ?? 0)),
      }
    : undefined;
  return {
    text: `${report.findings.length} findings${severities ? ` (${severities})` : ''}${files?.fromCache ? `; ${files.fromCache} files from the cache` : ''}`,
    count: report.findings.length,
    files,
  };
}

/** One line per file (rg -l, the parse-only floor). */
export const linesFound = (what) => (one) => {
  const count = one.stdout.split('\n').filter(Boolean).length;
  return { text: `${count} ${what}`, count };
};

/** ast-grep's `--json=stream`: one match per line. */
export function astGrepFound(one) {
  const matches = one.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
  return { text: `${matches.length} matches in ${new Set(matches.map((m) => m.file)).size} files`, count: matches.length };
}

/** phpcs's JSON report: the calls flagged and the files they are in. */
export function phpcsFound(one) {
  const report = JSON.parse(one.stdout);
  const flagged = Object.values(report.files).filter((file) => file.errors + file.warnings > 0).length;
  const count = report.totals.errors + report.totals.warnings;
  return { text: `${count} calls flagged in ${flagged} files`, count };
}

/** ESLint's JSON formatter: reports (parse errors apart) and the files they are in. */
export function eslintFound(one) {
  const report = JSON.parse(one.stdout || '[]');
  const messages = report.flatMap((file) => file.messages);
  const fatal = messages.filter((m) => m.fatal).length;
  const count = messages.length - fatal;
  return { text: `${count} reports in ${report.filter((f) => f.messages.some((m) => !m.fatal)).length} files${fatal ? ` (${fatal} parse errors)` : ''}`, count };
}
