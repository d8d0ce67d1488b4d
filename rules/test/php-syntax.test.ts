import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support';

/**
 * Every PHP file we ship as a fixture or example must be PHP that PHP itself accepts, so a
 * finding (or its absence) is about real code. Needs `php-cli` (tools/install-system-deps.sh).
 */
function phpFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...phpFiles(full));
    else if (entry.name.endsWith('.php')) found.push(full);
  }
  return found.sort();
}

describe('fixtures and examples are valid PHP (php -l)', () => {
  before(() => {
    const probe = spawnSync('php', ['--version'], { encoding: 'utf8' });
    assert.equal(probe.status, 0, 'php-cli is required: run `bash tools/install-system-deps.sh`');
  });

  for (const folder of ['test-fixtures', 'examples']) {
    it(folder, () => {
      const failures: string[] = [];
      for (const file of phpFiles(path.join(repoRoot, folder))) {
        const result = spawnSync('php', ['-n', '-l', file], { encoding: 'utf8' });
        if (result.status !== 0) failures.push(`${path.relative(repoRoot, file)}: ${(result.stdout + result.stderr).trim()}`);
      }
      assert.deepEqual(failures, []);
      // A bound against a hang, not a speed check: one `php -l` per file (over a thousand),
      // on a loaded shared machine, can take several minutes.
    }).timeout(900000);
  }
});
