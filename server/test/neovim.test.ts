import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * A second real LSP client: Debian's Neovim (0.7, headless; `tools/install-system-deps.sh`
 * installs it) drives the bundled server over stdio from a folder with no node_modules.
 * `npm test` builds the bundle before mocha runs.
 */
describe('the bundled server in Neovim (headless, stdio)', function () {
  this.timeout(120000);

  it('shows the diagnostic, applies the preferred code action, and the diagnostic clears', () => {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(nvim.status, 0, 'nvim is missing: run `bash tools/install-system-deps.sh` (Debian package neovim)');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-nvim-'));
    try {
      // The bundle and what ships next to it, alone: proves the server needs no node_modules.
      fs.cpSync(path.join(repoRoot, 'server/out'), path.join(work, 'server'), { recursive: true, filter: (src) => !src.endsWith('.map') });
      const project = path.join(work, 'project');
      fs.mkdirSync(project);
      const file = path.join(project, 'handler.php');
      fs.writeFileSync(file, ['<?php', 'session_start();', "$_SESSION['seen'] = true;", 'sleep(5);', "echo 'done';", ''].join('\n'));
      const result = path.join(work, 'result.txt');
      const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(repoRoot, 'server/test/neovim/drive.lua')}`], {
        cwd: project,
        encoding: 'utf8',
        timeout: 100000,
        env: { ...process.env, SESSION_LINT_SERVER: path.join(work, 'server/server.js'), SESSION_LINT_FILE: file, SESSION_LINT_RESULT: result },
      });
      const steps = fs.existsSync(result) ? fs.readFileSync(result, 'utf8') : `(no result file) ${run.stderr ?? ''} ${run.error?.message ?? ''}`;
      assert.equal(run.status, 0, steps);
      assert.match(steps, /^ok diagnostics: session-lint held-across-slow-call line 4$/m);
      assert.match(steps, /^ok codeAction: Session Lint \(held-across-slow-call\): Close the session/m);
      assert.match(steps, /^ok cleared: .*session_write_close\(\);\\nsleep\(5\);/m);
      assert.equal(fs.readFileSync(file, 'utf8').includes('session_write_close'), false, 'the buffer changed, the file on disk did not (nothing was saved)');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
