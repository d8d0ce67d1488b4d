import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES_TABLE_END, RULES_TABLE_START, extractRulesTable, renderRulesTable } from '../src/docs/rules-table';
import { allRules } from '../src/registry';
import { repoRoot } from './support';

/** The README's rules table is generated from the rules' `meta`; this catches a stale copy. */
describe('README rules table', () => {
  it('is the table generated from allRules', () => {
    const readmePath = path.join(repoRoot, 'README.md');
    assert.ok(fs.existsSync(readmePath), 'README.md is missing at the repository root');
    const current = extractRulesTable(fs.readFileSync(readmePath, 'utf8'));
    assert.ok(current !== undefined, `README.md needs ${RULES_TABLE_START} and ${RULES_TABLE_END}, in that order`);
    assert.equal(
      normalize(current),
      normalize(renderRulesTable(allRules)),
      'README.md rules table is stale: run `npx tsc -b && node tools/update-rules-table.mjs`',
    );
  });
});

/** Line endings and the blank lines around the table are the README's business. */
function normalize(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}
