import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer } from '../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../rules/src/api';
import { loadGrammarBytes } from '../../rules/src/node-runtime';
import { runCli, TempDir } from './helpers';

/**
 * A workspace monorepo (`test-fixtures/held-across-slow-call/ts-workspace-monorepo`: no
 * tsconfig at the root, `apps/api` imports `@shop/db` by package name, the database is
 * injected) gives the same findings, in the same mode, whatever folder the command starts
 * from: each file takes the nearest tsconfig.json above it, and the workspace root and the
 * base config are found above the working directory. Copied to a temporary folder, so
 * nothing of this repository lies above it.
 */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const fixtures = path.join(repoRoot, 'test-fixtures', 'held-across-slow-call');

interface JsonReport {
  findings: { rule: string; file: string; line: number; related: { file: string; line: number }[] }[];
  errors: unknown[];
  notes?: string[];
}

describe('a TypeScript workspace monorepo, from any folder', function () {
  this.timeout(60000);
  let dir: TempDir;
  before(() => {
    dir = new TempDir();
    for (const name of ['ts-workspace-monorepo', 'ts-workspace-monorepo-clean']) {
      fs.cpSync(path.join(fixtures, name), dir.path(name), { recursive: true });
    }
  });
  after(() => dir.cleanup());

  const analyzer = async (options: AnalyzerOptions) => createAnalyzer(await loadGrammarBytes(), options);

  async function run(cwd: string, target: string): Promise<{ findings: string[]; notes: string[] }> {
    const result = await runCli(['check', target, '--format', 'json'], { cwd: dir.path(cwd), analyzer });
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(report.errors, []);
    const findings = report.findings.map((f) => {
      const related = f.related.map((r) => `${path.relative(dir.root, path.resolve(dir.path(cwd), r.file))}:${r.line}`).join(', ');
      return `${path.relative(dir.root, path.resolve(dir.path(cwd), f.file))}:${f.line} ${f.rule} [${related}]`;
    });
    return { findings, notes: report.notes ?? [] };
  }

  it('reports the held transaction from the root, from apps/api, from its src/ and from packages/', async () => {
    const fromRoot = await run('ts-workspace-monorepo', '.');
    assert.deepEqual(
      fromRoot.findings.map((f) => f.split(' [')[0]),
      ['ts-workspace-monorepo/apps/api/src/payments.handler.ts:14 held-across-slow-call'],
    );
    assert.match(fromRoot.findings[0]!, /packages\/db\/src\/database\.ts:8/, 'the acquire inside @shop/db is a related location');
    // Told from the capture (capture.ts:7), reached first, not from the audit in @shop/db, whose
    // path sorts first only from apps/api (`../../packages/…`): the related locations say which.
    assert.match(fromRoot.findings[0]!, /apps\/api\/src\/capture\.ts:7/);
    assert.deepEqual((await run('ts-workspace-monorepo/apps/api', '.')).findings, fromRoot.findings);
    assert.deepEqual((await run('ts-workspace-monorepo/apps/api/src', '.')).findings, fromRoot.findings);
    assert.deepEqual((await run('ts-workspace-monorepo/packages', '../apps/api')).findings, fromRoot.findings);
  });

  it('says in the summary which projects ran type-aware', async () => {
    const fromRoot = await run('ts-workspace-monorepo', '.');
    assert.deepEqual(fromRoot.notes, ['TypeScript: type-aware for 5 file(s) in 2 project(s) (apps/api/tsconfig.json, packages/db/tsconfig.json).']);
    const fromSrc = await run('ts-workspace-monorepo/apps/api/src', '.');
    assert.deepEqual(fromSrc.notes, ['TypeScript: type-aware for 2 file(s) in 1 project(s) (../tsconfig.json).']);
  });

  it('is clean on the twin that captures the payment before the transaction', async () => {
    assert.deepEqual((await run('ts-workspace-monorepo-clean', '.')).findings, []);
    assert.deepEqual((await run('ts-workspace-monorepo-clean/apps/api', '.')).findings, []);
  });

  it('runs syntax-only, and says why, when no tsconfig.json lies above the handler', async () => {
    const copy = 'no-config';
    fs.cpSync(path.join(fixtures, 'ts-workspace-monorepo'), dir.path(copy), { recursive: true });
    fs.rmSync(dir.path(`${copy}/apps/api/tsconfig.json`));
    const result = await run(`${copy}/apps/api`, '.');
    // Only the declared type of the injected `db` says what `this.db.runInTransaction()` is.
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.notes, ['TypeScript: syntax-only for 2 file(s) (no tsconfig.json above it: 2 (e.g. src/capture.ts)).']);
  });
});
