import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The bundle on a project whose bootstrap installs a session store that takes no lock: the
 * lock finding under it is lowered to info, and the normal output (no `--verbose`) says so
 * after the count, in pretty output and as a JSON note.
 */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const bundle = path.join(repoRoot, 'cli', 'out', 'session-lint.js');
const project = 'test-fixtures/held-across-slow-call/save-handler-in-bootstrap';

describe('session-lint bundle: lock findings lowered by a session store', () => {
  it('says in the summary how many were lowered, and why', () => {
    const run = spawnSync(process.execPath, [bundle, 'check', project, '--no-color'], { cwd: repoRoot, encoding: 'utf8' });
    // legacy.php does not install the store: its finding stays a warning.
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[lines.length - 2], 'Found 2 problems (1 warning, 1 info) in 2 files.');
    assert.match(lines[lines.length - 1]!, /^1 lock finding lowered to info: the session store `CacheStore` \(.*lib\/bootstrap\.php:4\) takes no lock the analysis can see\.$/);
  });

  it('carries the same note in JSON', () => {
    const run = spawnSync(process.execPath, [bundle, 'check', project, '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { notes: string[]; findings: { severity: string; file: string }[] };
    assert.equal(report.notes.length, 1);
    assert.match(report.notes[0]!, /^1 lock finding lowered to info: the session store `CacheStore`/);
    assert.deepEqual(report.findings.map((f) => `${path.basename(f.file)} ${f.severity}`).sort(), ['legacy.php warning', 'poll.php info']);
  });
});
