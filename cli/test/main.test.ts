import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { shouldUseColor } from '../src/color';
import { ExitCode, exitCodeFor } from '../src/exit-code';
import { parseByteCount } from '../src/options';
import { ESC, fakeAnalyzer, runCli, TempDir } from './helpers';

describe('exitCodeFor', () => {
  it('is 0 with no findings, or info findings only', () => {
    assert.equal(exitCodeFor([], []), ExitCode.Clean);
    assert.equal(exitCodeFor([{ severity: 'info' }], []), ExitCode.Clean);
  });

  it('is 1 with any warning or error finding', () => {
    assert.equal(exitCodeFor([{ severity: 'info' }, { severity: 'warning' }], []), ExitCode.ProblemsFound);
    assert.equal(exitCodeFor([{ severity: 'error' }], []), ExitCode.ProblemsFound);
  });

  it('is 2 when an input could not be read or the analyzer failed, findings or not', () => {
    assert.equal(exitCodeFor([{ severity: 'warning' }], [{ kind: 'unreadable' }]), ExitCode.Failure);
    assert.equal(exitCodeFor([], [{ kind: 'internal' }]), ExitCode.Failure);
  });

  it('does not fail a run for syntax errors, binary or too-large files', () => {
    assert.equal(exitCodeFor([], [{ kind: 'analysis' }, { kind: 'skipped' }]), ExitCode.Clean);
  });
});

describe('shouldUseColor', () => {
  it('lets an explicit flag win over everything', () => {
    assert.equal(shouldUseColor({ flag: true, env: { NO_COLOR: '1' }, isTTY: false }), true);
    assert.equal(shouldUseColor({ flag: false, env: { FORCE_COLOR: '1' }, isTTY: true }), false);
  });

  it('honours NO_COLOR (non-empty), then FORCE_COLOR, then whether stdout is a terminal', () => {
    assert.equal(shouldUseColor({ flag: undefined, env: { NO_COLOR: '1' }, isTTY: true }), false);
    assert.equal(shouldUseColor({ flag: undefined, env: { NO_COLOR: '' }, isTTY: true }), true);
    assert.equal(shouldUseColor({ flag: undefined, env: { FORCE_COLOR: '1' }, isTTY: false }), true);
    assert.equal(shouldUseColor({ flag: undefined, env: { FORCE_COLOR: '0' }, isTTY: true }), false);
    assert.equal(shouldUseColor({ flag: undefined, env: {}, isTTY: true }), true);
    assert.equal(shouldUseColor({ flag: undefined, env: { TERM: 'dumb' }, isTTY: true }), false);
    assert.equal(shouldUseColor({ flag: undefined, env: {}, isTTY: false }), false);
  });
});

describe('parseByteCount', () => {
  it('takes whole numbers of bytes and refuses anything else', () => {
    assert.equal(parseByteCount('1024'), 1024);
    assert.equal(parseByteCount('0'), 0);
    assert.throws(() => parseByteCount('10MB'), /whole number of bytes/);
    assert.throws(() => parseByteCount('-1'), /whole number of bytes/);
    assert.throws(() => parseByteCount('1.5'), /whole number of bytes/);
  });
});

describe('session-lint (in-process)', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.cleanup());

  const HELD = '<?php\nsession_start();\nsleep(1);\n';

  it('exits 0 and says so when there are no problems', async () => {
    tmp.write({ 'a.php': '<?php echo 1;\n', 'b.php': '<?php\n' });
    const run = await runCli(['check'], { cwd: tmp.root });
    assert.deepEqual(run, { code: 0, stdout: 'No problems found in 2 files.\n', stderr: '' });
  });

  it('exits 1 on a warning, and analyses the current directory by default', async () => {
    tmp.write({ 'src/a.php': HELD });
    const run = await runCli(['check'], { cwd: tmp.root });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^warning\[held-across-slow-call\]: .*\n --> src\/a\.php:3:1\n/);
    assert.match(run.stdout, /Found 1 problem \(1 warning\) in 1 file\.\n$/);
  });

  it('exits 0 when only info findings are reported', async () => {
    tmp.write({ 'a.php': `${HELD}// @info\n` });
    const run = await runCli(['check'], { cwd: tmp.root });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^info\[/);
  });

  it('writes the JSON report to stdout and skip notes of --verbose to stderr', async () => {
    tmp.write({ 'a.php': HELD, 'vendor/b.php': HELD });
    const run = await runCli(['check', '--format', 'json', '--verbose'], { cwd: tmp.root });
    assert.equal(run.code, 1);
    const document = JSON.parse(run.stdout) as { findings: Array<{ file: string; line: number }>; errors: unknown[] };
    assert.deepEqual(
      document.findings.map((f) => `${f.file}:${f.line}`),
      ['a.php:3'],
    );
    assert.equal(run.stderr, 'skipped vendor/: dependency directory (use --include-vendor to analyse it)\n');
  });

  it('exits 2 for a path that does not exist, still reporting the others', async () => {
    tmp.write({ 'a.php': HELD });
    const run = await runCli(['check', 'missing', 'a.php'], { cwd: tmp.root });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /warning\[held-across-slow-call\]/);
    assert.match(run.stdout, /error: missing: cannot read path: no such file or directory \(ENOENT\)/);
  });

  it('reports binary and oversized files without failing the run', async () => {
    tmp.write({ 'bin.php': Buffer.from([0, 1, 2]), 'big.php': 'x'.repeat(100), 'ok.php': '<?php\n' });
    const run = await runCli(['check', '--max-file-size', '50', '--format', 'json'], { cwd: tmp.root });
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout).errors, [
      { file: 'big.php', message: 'file is too large (100 bytes, limit 50; see --max-file-size), not analysed' },
      { file: 'bin.php', message: 'binary file, not analysed' },
    ]);
  });

  it('exits 2 for a named file that cannot be read (a dangling symlink)', async () => {
    tmp.write({ 'a.php': '<?php\n' });
    fs.symlinkSync('gone.php', tmp.path('link.php'));
    const run = await runCli(['check', 'a.php', 'link.php'], { cwd: tmp.root });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^error: link\.php: cannot read path: no such file or directory \(ENOENT\)$/m);
  });

  it('exits 2 with a clear message on a usage error', async () => {
    for (const argv of [['check', '--bogus'], ['frobnicate'], ['check', '--format', 'xml'], ['check', '--max-file-size', 'big'], []]) {
      const run = await runCli(argv, { cwd: tmp.root });
      assert.equal(run.code, 2, `exit code for ${argv.join(' ')}`);
      assert.equal(run.stdout, '', `nothing on stdout for ${argv.join(' ')}`);
      assert.notEqual(run.stderr, '', `a message on stderr for ${argv.join(' ')}`);
    }
    const unknown = await runCli(['check', '--bogus'], { cwd: tmp.root });
    assert.match(unknown.stderr, /unknown option '--bogus'/);
  });

  it('exits 0 for --help and --version', async () => {
    assert.equal((await runCli(['--help'], { cwd: tmp.root })).code, 0);
    assert.equal((await runCli(['check', '--help'], { cwd: tmp.root })).code, 0);
    assert.equal((await runCli(['--version'], { cwd: tmp.root })).code, 0);
  });

  it('turns an unexpected exception into one clear line and exit 2; the stack only with --verbose', async () => {
    tmp.write({ 'a.php': HELD });
    const failing = async () => {
      throw new Error('grammar missing');
    };
    const quiet = await runCli(['check'], { cwd: tmp.root, analyzer: failing });
    assert.equal(quiet.code, 2);
    assert.equal(quiet.stderr, 'session-lint: internal error: grammar missing\n(run with --verbose for the stack trace)\n');
    const verbose = await runCli(['check', '--verbose'], { cwd: tmp.root, analyzer: failing });
    assert.equal(verbose.code, 2);
    assert.match(verbose.stderr, /internal error: grammar missing\nError: grammar missing\n\s+at /);
  });

  it('keeps going when the analyzer throws on one file, but exits 2', async () => {
    tmp.write({ 'a.php': HELD, 'boom.php': '<?php\n' });
    const analyzer = fakeAnalyzer(({ path }) => {
      if (path === 'boom.php') throw new Error('stack overflow');
      return { findings: [], errors: [] };
    });
    const run = await runCli(['check'], { cwd: tmp.root, analyzer });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /error: boom\.php: internal error while analysing: stack overflow/);
  });

  it('does not create the analyzer when there is nothing to analyse', async () => {
    tmp.write({ 'readme.md': '' });
    const run = await runCli(['check'], {
      cwd: tmp.root,
      analyzer: async () => {
        throw new Error('should not be called');
      },
    });
    assert.deepEqual(run, { code: 0, stdout: 'No problems found in 0 files.\n', stderr: '' });
  });

  it('colours output only when asked or for a terminal, and never with NO_COLOR', async () => {
    tmp.write({ 'a.php': HELD });
    const has = async (argv: string[], env: Record<string, string>, isTTY: boolean) =>
      (await runCli(['check', ...argv], { cwd: tmp.root, env, isTTY })).stdout.includes(ESC);
    assert.equal(await has([], {}, false), false);
    assert.equal(await has([], {}, true), true);
    assert.equal(await has([], { NO_COLOR: '1' }, true), false);
    assert.equal(await has([], { FORCE_COLOR: '1' }, false), true);
    assert.equal(await has(['--color'], {}, false), true);
    assert.equal(await has(['--no-color'], { FORCE_COLOR: '1' }, true), false);
  });

  it('leaves out the summary with --quiet', async () => {
    tmp.write({ 'a.php': HELD });
    const run = await runCli(['check', '--quiet'], { cwd: tmp.root });
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stdout, /Found/);
  });

  it('honours .gitignore unless --no-ignore, and skips vendor/ unless --include-vendor', async () => {
    tmp.write({ '.gitignore': 'gen/\n', 'gen/a.php': HELD, 'vendor/b.php': HELD });
    assert.equal((await runCli(['check'], { cwd: tmp.root })).code, 0);
    assert.equal((await runCli(['check', '--no-ignore'], { cwd: tmp.root })).code, 1);
    const vendor = await runCli(['check', '--include-vendor', '--format', 'json'], { cwd: tmp.root });
    assert.deepEqual(
      JSON.parse(vendor.stdout).findings.map((f: { file: string }) => f.file),
      ['vendor/b.php'],
    );
  });

  it('skips test folders unless --include-tests or "includeTests" in the configuration, and says how many files it left out', async () => {
    // `__tests__`: Jest's folder for a JavaScript package's tests.
    tmp.write({ 'tests/a.php': HELD, 'src/Test/b.php': HELD, 'src/Test/fixtures/c.php': HELD, 'src/d.php': '<?php\n', 'web/__tests__/e.php': HELD });
    const skipped = await runCli(['check', '--format', 'json', '--verbose'], { cwd: tmp.root });
    assert.equal(skipped.code, 0);
    assert.match(skipped.stderr, /skipped tests\/: test code, which serves no request \(use --include-tests to analyse it\)/);
    assert.match(skipped.stderr, /note: \.: left out as tests: 3 test folder\(s\) holding 4 file\(s\)/);
    const included = await runCli(['check', '--include-tests', '--format', 'json'], { cwd: tmp.root });
    assert.deepEqual(JSON.parse(included.stdout).findings.map((f: { file: string }) => f.file), ['src/Test/b.php', 'src/Test/fixtures/c.php', 'tests/a.php', 'web/__tests__/e.php']);
    tmp.write({ 'session-lint.json': '{ "includeTests": true }' });
    assert.equal((await runCli(['check'], { cwd: tmp.root })).code, 1);
  });

  it('skips JavaScript test runners\' files (*.spec.ts, *.test.js, *.e2e-spec.ts) and e2e/ folders unless --include-tests', async () => {
    tmp.write({
      'src/users.service.ts': 'export const users = 1;\n',
      'src/users.service.spec.ts': 'export const spec = 1;\n',
      'src/parse.test.mjs': 'export const test = 1;\n',
      'e2e/app.e2e-spec.ts': 'export const e2e = 1;\n',
      'e2e/hold.php': HELD,
      // Not test files: a name that only contains the word, and a PHP file named like one.
      'src/spec.ts': 'export const notATest = 1;\n',
      'web/page.test.php': HELD,
    });
    const skipped = await runCli(['check', '--format', 'json', '--verbose'], { cwd: tmp.root });
    assert.match(skipped.stderr, /skipped src\/users\.service\.spec\.ts: test code, which serves no request/);
    assert.match(skipped.stderr, /note: \.: left out as tests: 1 test folder\(s\) holding 2 file\(s\) to analyse and 2 test file\(s\) named so elsewhere/);
    assert.deepEqual(JSON.parse(skipped.stdout).findings.map((f: { file: string }) => f.file), ['web/page.test.php']);
    const included = await runCli(['check', '--include-tests', '--format', 'json'], { cwd: tmp.root });
    assert.deepEqual(JSON.parse(included.stdout).findings.map((f: { file: string }) => f.file), ['e2e/hold.php', 'web/page.test.php']);
  });
});
