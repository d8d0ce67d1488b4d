import * as assert from 'node:assert/strict';
import { compiledCopies, generatedJavaScriptReason } from '../../rules/src/discovery/generated-code';
import { runCli, TempDir } from './helpers';

const HELD = 'session_start();\nsleep(1);\n';
const MINIFIED = `${'var a=1;'.repeat(600)}\n${HELD}`;
const BUNDLED = `/******/ (() => { // webpackBootstrap\n${HELD}`;

describe('generated JavaScript', () => {
  it('is minified (a line over 4000 characters) or bundled (a bundler banner) JavaScript only', () => {
    assert.match(generatedJavaScriptReason('js/vendor/jquery.js', MINIFIED) ?? '', /^minified JavaScript/);
    assert.match(generatedJavaScriptReason('dist/app.mjs', BUNDLED) ?? '', /^bundled JavaScript/);
    assert.equal(generatedJavaScriptReason('src/app.js', HELD), undefined);
    // TypeScript and PHP are sources whatever their lines look like.
    assert.equal(generatedJavaScriptReason('src/data.ts', MINIFIED), undefined);
    assert.equal(generatedJavaScriptReason('lib/table.php', MINIFIED), undefined);
  });

  it('is a dist/ or build/ copy of a source under a sibling src/ in the same walk', () => {
    const copies = compiledCopies(['/p/js/src/functions.ts', '/p/js/dist/functions.js', '/p/js/dist/only-built.js', '/p/pkg/build/a/b.mjs', '/p/pkg/src/a/b.js', '/p/dist/x.ts']);
    assert.deepEqual([...copies], [
      ['/p/js/dist/functions.js', '/p/js/src/functions.ts'],
      ['/p/pkg/build/a/b.mjs', '/p/pkg/src/a/b.js'],
    ]);
  });

  describe('in a directory walk', () => {
    let tmp: TempDir;
    beforeEach(() => {
      tmp = new TempDir().write({ 'app.js': HELD, 'vendor.js': MINIFIED, 'bundle.js': BUNDLED });
    });
    afterEach(() => tmp.cleanup());

    const reported = (stdout: string): string[] => (JSON.parse(stdout) as { findings: { file: string }[] }).findings.map((f) => f.file).sort();

    it('is left out, and --verbose says why', async () => {
      const run = await runCli(['check', '--format', 'json', '--verbose'], { cwd: tmp.root });
      assert.deepEqual(reported(run.stdout), ['app.js']);
      assert.match(run.stderr, /skipped bundle\.js: bundled JavaScript/);
      assert.match(run.stderr, /skipped vendor\.js: minified JavaScript \(a line of more than 4000 characters\)/);
    });

    it('leaves out a build copy whose source is analysed, and keeps output with no source', async () => {
      tmp.write({ 'js/src/page.js': HELD, 'js/dist/page.js': HELD, 'pkg/dist/index.js': HELD });
      const run = await runCli(['check', '--format', 'json', '--verbose'], { cwd: tmp.root });
      assert.deepEqual(reported(run.stdout), ['app.js', 'js/src/page.js', 'pkg/dist/index.js']);
      assert.match(run.stderr, /skipped js\/dist\/page\.js: build output of js\/src\/page\.js, which is analysed/);
    });

    it('is analysed with --include-generated, with "includeGenerated": true, or when named', async () => {
      assert.deepEqual(reported((await runCli(['check', '--format', 'json', '--include-generated'], { cwd: tmp.root })).stdout), ['app.js', 'bundle.js', 'vendor.js']);
      tmp.write({ 'session-lint.json': '{ "includeGenerated": true }' });
      assert.deepEqual(reported((await runCli(['check', '--format', 'json'], { cwd: tmp.root })).stdout), ['app.js', 'bundle.js', 'vendor.js']);
      tmp.write({ 'session-lint.json': '{}' });
      assert.deepEqual(reported((await runCli(['check', '--format', 'json', 'vendor.js'], { cwd: tmp.root })).stdout), ['vendor.js']);
    });
  });
});
