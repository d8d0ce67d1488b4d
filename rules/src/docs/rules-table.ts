import type { Language, Rule, RuleMeta } from '../../../core/src';

/**
 * The README's rules table, generated from each rule's `meta` so it cannot drift from the
 * code. `tools/update-rules-table.mjs` writes it between the markers; a test checks it.
 */
export const RULES_TABLE_START = '<!-- rules-table:start -->';
export const RULES_TABLE_END = '<!-- rules-table:end -->';

const LANGUAGE_NAMES: Record<Language, string> = { php: 'PHP', typescript: 'TypeScript' };

const FIX_LABELS: Record<RuleMeta['fixAvailability'], string> = {
  never: 'No',
  sometimes: 'Sometimes',
  always: 'Always',
};

/** A Markdown table, one row per rule in the given order, ending with a newline. */
export function renderRulesTable(rules: readonly Rule[]): string {
  const rows = rules.map(({ meta }) => [
    `[\`${meta.id}\`](rules/docs/${meta.id}.md)`,
    cell(meta.description),
    meta.languages.map((language) => LANGUAGE_NAMES[language]).join(', '),
    meta.defaultSeverity,
    FIX_LABELS[meta.fixAvailability],
  ]);
  const lines = [
    '| Rule | Description | Languages | Default severity | Fix |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}

/** What stands between the markers, or `undefined` when they are missing or out of order. */
export function extractRulesTable(readme: string): string | undefined {
  const bounds = markerBounds(readme);
  return bounds && readme.slice(bounds.contentStart, bounds.contentEnd);
}

/** The README with the section between the markers replaced by `table` (blank line each side). */
export function replaceRulesTable(readme: string, table: string): string {
  const bounds = markerBounds(readme);
  if (!bounds) throw new Error(`the README needs the markers ${RULES_TABLE_START} and ${RULES_TABLE_END}, in that order`);
  return `${readme.slice(0, bounds.contentStart)}\n\n${table.trim()}\n\n${readme.slice(bounds.contentEnd)}`;
}

function markerBounds(readme: string): { contentStart: number; contentEnd: number } | undefined {
  const start = readme.indexOf(RULES_TABLE_START);
  if (start === -1) return undefined;
  const contentStart = start + RULES_TABLE_START.length;
  const contentEnd = readme.indexOf(RULES_TABLE_END, contentStart);
  return contentEnd === -1 ? undefined : { contentStart, contentEnd };
}

/** A table cell: `|` would end the cell and a newline the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
