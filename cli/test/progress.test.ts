import * as assert from 'node:assert/strict';
import { createAnalyzer, type AnalyzerServices } from '../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../rules/src/api';
import { loadGrammarBytes } from '../../rules/src/node-runtime';
import { main } from '../src/main';
import { ESC, TempDir } from './helpers';

/** The progress bar: drawn on stderr when it is a terminal, never with --quiet or into a pipe. */
describe('progress bar', function () {
  this.timeout(60000);
  let dir: TempDir;
  before(() => {
    dir = new TempDir().write({
      'a.php': "<?php\nsession_start();\nsleep(2);\n$_SESSION['a'] = 1;\n",
      'b.php': "<?php\nsession_start();\n$_SESSION['b'] = 1;\n",
      'c.php': "<?php\necho 'c';\n",
    });
  });
  after(() => dir.cleanup());

  const analyzer = async (options: AnalyzerOptions, services?: AnalyzerServices) => createAnalyzer(await loadGrammarBytes(), options, services);

  async function run(stderrIsTTY: boolean, ...extra: string[]): Promise<{ stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    await main(['check', '.', '--no-color', ...extra], {
      cwd: dir.path(),
      env: {},
      stdout: { write: (s: string) => (stdout += s), isTTY: false },
      stderr: { write: (s: string) => (stderr += s), isTTY: stderrIsTTY, columns: 100 },
      createAnalyzer: analyzer,
    });
    return { stdout, stderr };
  }

  it('draws files done of files to analyse on a terminal, and clears itself before the report', async () => {
    const { stdout, stderr } = await run(true);
    assert.match(stderr, /session-lint .* \d\/3 files \| (reading declarations|lowering)/);
    assert.ok(stderr.includes(`${ESC}[`), 'terminal control sequences move the cursor');
    // Cleared at the end: the last thing written erases the line (and the cursor is shown again).
    assert.ok(stderr.endsWith(`${ESC}[2K`), 'the bar is cleared');
    assert.ok(stderr.includes(`${ESC}[?25h`), 'the cursor is shown again');
    assert.match(stdout, /held-across-slow-call/);
  });

  it('draws nothing when stderr is not a terminal', async () => {
    const { stderr } = await run(false);
    assert.equal(stderr, '');
  });

  it('draws nothing with --quiet', async () => {
    const { stderr } = await run(true, '--quiet');
    assert.equal(stderr, '');
  });

  it('keeps stdout a parseable report with --format json: the bar is on stderr', async () => {
    const { stdout, stderr } = await run(true, '--format', 'json');
    assert.doesNotThrow(() => JSON.parse(stdout));
    assert.match(stderr, /files/);
  });
});
