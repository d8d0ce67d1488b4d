import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The bundle on a project whose bootstrap installs a session store that takes no lock: the
 * lock finding under it is not reported, and the normal output (no `--verbose`) says so after
 * the count, in pretty output and as a JSON note; `--report-non-locking-stores` (or
 * `"reportNonLockingStores": true` in the configuration) reports it as under PHP's file store.
 */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const bundle = path.join(repoRoot, 'cli', 'out', 'session-lint.js');
const project = 'test-fixtures/held-across-slow-call/save-handler-in-bootstrap';

describe('session-lint bundle: lock findings left out under a session store that takes no lock', () => {
  it('says in the summary how many were not reported, and why', () => {
    const run = spawnSync(process.execPath, [bundle, 'check', project, '--no-color'], { cwd: repoRoot, encoding: 'utf8' });
    // legacy.php does not install the store: its finding stays a warning.
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[lines.length - 2], 'Found 1 problem (1 warning) in 1 file.');
    assert.match(
      lines[lines.length - 1]!,
      /^1 lock finding not reported: `CacheStore` \(installed at .*lib\/bootstrap\.php:4\) takes no lock \(use --report-non-locking-stores to report it as if PHP's file store were used\)\.$/,
    );
  });

  it('carries the same note in JSON', () => {
    const run = spawnSync(process.execPath, [bundle, 'check', project, '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { notes: string[]; findings: { severity: string; file: string }[] };
    assert.equal(report.notes.length, 1);
    assert.match(report.notes[0]!, /^1 lock finding not reported: `CacheStore`/);
    assert.deepEqual(report.findings.map((f) => `${path.basename(f.file)} ${f.severity}`), ['legacy.php warning']);
  });

  it('reports them as under PHP\'s file store with --report-non-locking-stores or the configuration key', () => {
    const flagged = spawnSync(process.execPath, [bundle, 'check', project, '--format', 'json', '--report-non-locking-stores'], { cwd: repoRoot, encoding: 'utf8' });
    const byFlag = JSON.parse(flagged.stdout) as { notes: string[]; findings: { severity: string; file: string }[] };
    assert.deepEqual(byFlag.notes, []);
    assert.deepEqual(byFlag.findings.map((f) => `${path.basename(f.file)} ${f.severity}`).sort(), ['legacy.php warning', 'poll.php warning']);

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-stores-'));
    try {
      fs.cpSync(path.join(repoRoot, project), tmp, { recursive: true });
      fs.writeFileSync(path.join(tmp, 'session-lint.json'), '{ "reportNonLockingStores": true }');
      const configured = spawnSync(process.execPath, [bundle, 'check', '--format', 'json'], { cwd: tmp, encoding: 'utf8' });
      const byConfig = JSON.parse(configured.stdout) as { findings: { severity: string; file: string }[] };
      assert.deepEqual(byConfig.findings.map((f) => `${path.basename(f.file)} ${f.severity}`).sort(), ['legacy.php warning', 'poll.php warning']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
