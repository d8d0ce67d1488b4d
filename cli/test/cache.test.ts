import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer, type AnalyzerServices } from '../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../rules/src/api';
import { loadGrammarBytes } from '../../rules/src/node-runtime';
import { runCli, TempDir } from './helpers';

/**
 * `--cache`: per-file results (declarations, IR) and the run's result are kept in a folder;
 * an unchanged tree is only read and hashed, an edit re-parses what it changed, a changed
 * configuration misses everything, and a damaged or unwritable cache never fails the run.
 */
const project = {
  'index.php': "<?php\nrequire 'lib.php';\nsession_start();\nfetch_feed();\n$_SESSION['seen'] = true;\n",
  'lib.php': "<?php\nfunction fetch_feed() {\n    sleep(5);\n}\n",
  'about.php': "<?php\nsession_start();\n$_SESSION['page'] = 'about';\n",
};

interface JsonReport {
  findings: { rule: string; file: string; line: number }[];
  errors: unknown[];
  stats?: { filesAnalysed: number; filesParsed: number; filesFromCache: number };
}

describe('--cache', function () {
  this.timeout(60000);
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir().write(project);
  });
  afterEach(() => dir.cleanup());

  const analyzer = async (options: AnalyzerOptions, services?: AnalyzerServices) => createAnalyzer(await loadGrammarBytes(), options, services);

  async function check(...extra: string[]): Promise<{ report: JsonReport; stderr: string }> {
    const run = await runCli(['check', '.', '--format', 'json', '--cache', '--cache-location', dir.path('.cache-here'), ...extra], { cwd: dir.path(), analyzer });
    return { report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
  }
  const where = (report: JsonReport): string[] => report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`);
  /** Every entry file the cache holds (not its tag). */
  const entries = (): string[] => {
    const out: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name !== 'CACHEDIR.TAG') out.push(path.join(d, e.name));
      }
    };
    walk(dir.path('.cache-here'));
    return out;
  };

  it('reads an unchanged tree from the cache: nothing parsed, the same findings', async () => {
    const cold = await check();
    assert.deepEqual(where(cold.report), ['index.php:4 held-across-slow-call']);
    assert.equal(cold.report.stats?.filesParsed, 3);
    assert.equal(cold.report.stats?.filesFromCache, 0);
    assert.ok(entries().length > 0, 'the cache folder holds entries');
    const warm = await check();
    assert.deepEqual(warm.report.findings, cold.report.findings);
    assert.equal(warm.report.stats?.filesParsed, 0);
    assert.equal(warm.report.stats?.filesFromCache, 3);
    assert.equal(warm.stderr, '');
  });

  it('counts the TypeScript files it parsed with the PHP ones (they have no per-file cache)', async () => {
    dir.write({ 'jobs.ts': "export async function run(): Promise<void> {\n  await fetch('https://example.com');\n}\n" });
    const cold = await check();
    assert.equal(cold.report.stats?.filesAnalysed, 4);
    assert.equal(cold.report.stats?.filesParsed, 4);
  });

  it('re-parses only the edited file, and reports what the edit changed', async () => {
    await check();
    // The helper's body changes, its declarations do not: only lib.php is parsed again
    // (its text misses; the others' IR, lowered with the same declarations, hits).
    dir.write({ 'lib.php': "<?php\nfunction fetch_feed() {\n    echo 'feed';\n}\n" });
    const edited = await check();
    assert.deepEqual(where(edited.report), [], 'the slow work is gone');
    assert.equal(edited.report.stats?.filesParsed, 1);
    assert.equal(edited.report.stats?.filesFromCache, 2);
  });

  it('misses every entry when the configuration changes', async () => {
    await check();
    dir.write({ 'session-lint.json': JSON.stringify({ slowKinds: { sleep: 'off' } }) });
    const reconfigured = await check();
    assert.equal(reconfigured.report.stats?.filesParsed, 3);
    assert.deepEqual(where(reconfigured.report), [], 'sleep is no longer slow work');
  });

  it('says a damaged cache is damaged and analyses cold, with the same findings', async () => {
    const cold = await check();
    for (const entry of entries()) fs.writeFileSync(entry, 'not a cache entry');
    const damaged = await check();
    assert.deepEqual(damaged.report.findings, cold.report.findings);
    assert.equal(damaged.report.stats?.filesParsed, 3);
    assert.match(damaged.stderr, /session-lint: cache: .* is damaged; what it held is analysed again/);
    // The damaged entries were written anew: the next run is warm again.
    const warm = await check();
    assert.equal(warm.report.stats?.filesFromCache, 3);
  });

  it('says a cache location it cannot write to is unusable, and still reports', async () => {
    dir.write({ 'not-a-folder': 'a file where the cache folder should be' });
    const run = await runCli(['check', '.', '--format', 'json', '--cache', '--cache-location', dir.path('not-a-folder')], { cwd: dir.path(), analyzer });
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(where(report), ['index.php:4 held-across-slow-call']);
    assert.match(run.stderr, /session-lint: cache: cannot write the cache in .*not-a-folder.*: results are not kept for the next run/);
  });

  it('keeps nothing without --cache', async () => {
    await runCli(['check', '.', '--format', 'json'], { cwd: dir.path(), analyzer });
    assert.equal(fs.existsSync(dir.path('.cache-here')), false);
    assert.equal(fs.existsSync(dir.path('node_modules')), false);
  });

  it('defaults to node_modules/.cache/session-lint when the project has node_modules', async () => {
    dir.mkdir('node_modules');
    await runCli(['check', '.', '--format', 'json', '--cache'], { cwd: dir.path(), analyzer });
    assert.ok(fs.readdirSync(dir.path('node_modules/.cache/session-lint')).length > 0);
  });
});
