import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The shipped bundle (with its wasm files next to it) run as a user would, on the example
 * app: this is what the README's first command shows.
 */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const bundle = path.join(repoRoot, 'cli', 'out', 'session-lint.js');

interface JsonReport {
  version: number;
  findings: { rule: string; file: string; line: number; severity: string; message: string; related: { message: string; file: string; line: number }[] }[];
  errors: { file: string; message: string }[];
}

describe('session-lint bundle on examples/', () => {
  before(() => {
    assert.ok(fs.existsSync(bundle), 'build the bundle first: npm run build');
  });

  it('reports the four flagged pages, with where the session was opened, and exits 1', () => {
    const run = spawnSync(process.execPath, [bundle, 'check', 'examples/', '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.version, 1);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(
      report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`),
      [
        'examples/public/checkout.php:15 held-across-slow-call',
        'examples/public/download.php:25 held-across-slow-call',
        'examples/public/poll.php:34 held-across-slow-call',
        'examples/public/report.php:55 held-across-slow-call',
      ],
    );
    for (const finding of report.findings) {
      assert.ok(finding.related.some((r) => r.message.startsWith('session opened here')), `${finding.file}: no open location`);
    }
    // The checkout page's lock is taken in another file, through the bootstrap it requires.
    const checkout = report.findings[0]!;
    assert.ok(checkout.related.some((r) => r.file === 'examples/lib/bootstrap.php' && r.message.includes('start_app_session()')));
    assert.ok(checkout.related.some((r) => r.file === 'examples/lib/mailer.php' && r.message.includes('mail()')));
  });

  it('prints a readable report with code frames by default', () => {
    const run = spawnSync(process.execPath, [bundle, 'check', 'examples/public/download.php', '--no-color'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /warning\[held-across-slow-call\]: Session lock held across `readfile\(\)`/);
    assert.match(run.stdout, /--> examples\/public\/download\.php:25:1/);
    assert.match(run.stdout, /\^\^\^/);
  });

  it('exits 0 on a clean file and 2 on a missing one', () => {
    const clean = spawnSync(process.execPath, [bundle, 'check', 'examples/public/profile.php'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    const missing = spawnSync(process.execPath, [bundle, 'check', 'examples/no-such-file.php'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stdout + missing.stderr, /no-such-file\.php/);
  });
});
