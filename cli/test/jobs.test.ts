import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer, type AnalyzerServices } from '../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../rules/src/api';
import { loadGrammarBytes } from '../../rules/src/node-runtime';
import { runCli } from './helpers';

/**
 * `--jobs`: the same findings, errors and notes with one thread and with worker threads. The
 * fixture folders of every rule but the largest are one project here (151 PHP files: enough
 * that the files are handed to the workers in batches).
 */
describe('--jobs', function () {
  this.timeout(300000);
  const fixtures = path.resolve(__dirname, '../../../test-fixtures');
  const folders = fs
    .readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'held-across-slow-call')
    .map((entry) => entry.name);
  const analyzer = async (options: AnalyzerOptions, services?: AnalyzerServices) => createAnalyzer(await loadGrammarBytes(), options, services);
  const run = async (jobs: string): Promise<{ report: Record<string, unknown>; code: number }> => {
    const result = await runCli(['check', ...folders, '--format', 'json', '--jobs', jobs], { cwd: fixtures, analyzer });
    return { report: JSON.parse(result.stdout) as Record<string, unknown>, code: result.code };
  };

  it('reports the same with --jobs 1 and --jobs 2', async () => {
    const one = await run('1');
    const two = await run('2');
    assert.ok((one.report.findings as unknown[]).length > 50, 'the fixtures have findings to compare');
    assert.deepEqual(two.report, one.report);
    assert.equal(two.code, one.code);
  });

  it('refuses a number of threads that is not a whole number from 1', async () => {
    for (const bad of ['0', '-2', 'many', '1.5']) {
      const result = await runCli(['check', '.', '--jobs', bad], { cwd: fixtures, analyzer });
      assert.equal(result.code, 2, bad);
      assert.match(result.stderr, /Expected a whole number of threads, at least 1/);
    }
  });
});
