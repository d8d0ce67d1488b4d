import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer } from '../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../rules/src/api';
import { loadGrammarBytes } from '../../rules/src/node-runtime';
import { runCli } from './helpers';

/**
 * `--on-demand`: the fixture folders of every rule but the largest, as one project (their
 * files call and include one another's names by chance, as an application's do), give the
 * same findings with every PHP file parsed and with only those the scan cannot rule out.
 */
describe('--on-demand', function () {
  this.timeout(300000);
  const fixtures = path.resolve(__dirname, '../../../test-fixtures');
  const folders = fs
    .readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'held-across-slow-call')
    .map((entry) => entry.name);
  const analyzer = async (options: AnalyzerOptions) => createAnalyzer(await loadGrammarBytes(), options);
  const run = async (mode: string): Promise<{ report: Record<string, unknown>; code: number }> => {
    const result = await runCli(['check', ...folders, '--format', 'json', '--jobs', '1', mode], { cwd: fixtures, analyzer });
    return { report: JSON.parse(result.stdout) as Record<string, unknown>, code: result.code };
  };

  // Nearly every fixture names the session, so nearly all are parsed either way; which files are
  // skipped is tested in rules/test/on-demand.test.ts.
  it('finds the same with --on-demand as with --no-on-demand', async () => {
    const every = await run('--no-on-demand');
    const onDemand = await run('--on-demand');
    assert.ok((every.report.findings as unknown[]).length > 50, 'the fixtures have findings to compare');
    assert.deepEqual(onDemand.report.findings, every.report.findings);
    assert.equal(onDemand.code, every.code);
  });
});
