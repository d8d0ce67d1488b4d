import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Finding } from '../../core/src';
import { unifiedDiff } from '../../core/src';
import { fakeAnalyzer, makeFinding, runCli, TempDir } from './helpers';

/**
 * Stands in for the engine: every `sleep(1)` is a finding whose safe fix makes it `usleep(1)`,
 * every `sleep(2)` one whose fix is unsafe, every `sleep(3)` one with a display-only fix.
 */
const fixingAnalyzer = (onAnalyse?: () => void) =>
  fakeAnalyzer(({ path: file, text }) => {
    onAnalyse?.();
    const findings: Finding[] = [];
    for (const match of text.matchAll(/(?<!u)sleep\((\d)\)/g)) {
      const start = match.index;
      const applicability = match[1] === '1' ? 'safe' : match[1] === '2' ? 'unsafe' : 'display-only';
      findings.push({
        ...makeFinding({ file, start, end: start + match[0].length }),
        fixes: [{ title: 'Sleep less', applicability, edits: [{ span: { file, start, end: start }, newText: 'u' }] }],
      });
    }
    // `wait();` is a finding whose safe fix inserts a line above it.
    for (const match of text.matchAll(/^wait\(\);/gm)) {
      const start = match.index;
      findings.push({
        ...makeFinding({ file, start, end: start + match[0].length }),
        fixes: [{ title: 'Say why', applicability: 'safe', edits: [{ span: { file, start, end: start }, newText: '// waits\n' }] }],
      });
    }
    // Every `slow();` is one finding at the first of them (grouped at its cause), with a safe
    // fix for each call site that makes it `fast();`.
    const calls = [...text.matchAll(/\bslow\(\);/g)].map((match) => match.index);
    if (calls.length > 0) {
      findings.push({
        ...makeFinding({ file, start: calls[0]!, end: calls[0]! + 'slow();'.length }),
        fixes: calls.map((start) => ({ title: 'Go fast', applicability: 'safe' as const, edits: [{ span: { file, start, end: start + 'slow'.length }, newText: 'fast' }] })),
      });
    }
    return { findings, errors: [] };
  });

describe('check --fix', () => {
  let dir: TempDir;
  beforeEach(() => (dir = new TempDir()));
  afterEach(() => dir.cleanup());

  it('writes the safe fixes, and reports what remains', async () => {
    dir.write({ 'a.php': '<?php\nsleep(1);\nsleep(2);\nsleep(3);\n' });
    const run = await runCli(['check', '--fix', 'a.php'], { cwd: dir.root, analyzer: fixingAnalyzer() });
    assert.equal(fs.readFileSync(dir.path('a.php'), 'utf8'), '<?php\nusleep(1);\nsleep(2);\nsleep(3);\n');
    assert.match(run.stdout, /Fixed 1 finding\. 2 findings remain\./);
    assert.match(run.stdout, /help: Sleep less \(unsafe\)/);
    assert.equal(run.code, 1);
  });

  it('counts the findings fixed, and the fixes applied where a finding took several (one per call site)', async () => {
    dir.write({ 'a.php': '<?php\nslow();\nslow();\nslow();\nsleep(2);\n' });
    const run = await runCli(['check', '--fix', 'a.php'], { cwd: dir.root, analyzer: fixingAnalyzer() });
    assert.equal(fs.readFileSync(dir.path('a.php'), 'utf8'), '<?php\nfast();\nfast();\nfast();\nsleep(2);\n');
    assert.match(run.stdout, /Fixed 1 finding \(3 fixes\)\. 1 finding remains\./);
    dir.write({ 'a.php': '<?php\nslow();\nslow();\n' });
    const diff = await runCli(['check', '--diff', 'a.php'], { cwd: dir.root, analyzer: fixingAnalyzer() });
    assert.match(diff.stderr, /Would fix 1 finding \(2 fixes\) in 1 file\./);
    const json = JSON.parse((await runCli(['check', '--fix', '--format', 'json', 'a.php'], { cwd: dir.root, analyzer: fixingAnalyzer() })).stdout);
    assert.equal(json.fixed, 1);
    assert.equal(json.fixesApplied, 2);
  });

  it('with --unsafe-fixes also writes the unsafe ones, never display-only ones', async () => {
    dir.write({ 'a.php': '<?php\r\nsleep(1);\r\nsleep(2);\r\nsleep(3);\r\n' });
    const run = await runCli(['check', '--unsafe-fixes', '--format', 'json', 'a.php'], { cwd: dir.root, analyzer: fixingAnalyzer() });
    assert.equal(fs.readFileSync(dir.path('a.php'), 'utf8'), '<?php\r\nusleep(1);\r\nusleep(2);\r\nsleep(3);\r\n');
    const json = JSON.parse(run.stdout);
    assert.equal(json.fixed, 2);
    assert.equal(json.findings.length, 1);
    assert.deepEqual(json.findings[0].fixes, [
      { title: 'Sleep less', applicability: 'display-only', edits: [{ file: 'a.php', line: 4, column: 1, endLine: 4, endColumn: 1, newText: 'u' }] },
    ]);
  });

  it('with --diff prints a unified diff, writes nothing, and exits 1 only if something would change', async () => {
    dir.write({ 'a.php': '<?php\nsleep(1);\n', 'b.php': '<?php\nsleep(3);\n' });
    const run = await runCli(['check', '--diff', 'a.php', 'b.php'], { cwd: dir.root, analyzer: fixingAnalyzer() });
    assert.equal(run.stdout, '--- a/a.php\n+++ b/a.php\n@@ -1,2 +1,2 @@\n <?php\n-sleep(1);\n+usleep(1);\n');
    assert.match(run.stderr, /Would fix 1 finding in 1 file\./);
    assert.equal(fs.readFileSync(dir.path('a.php'), 'utf8'), '<?php\nsleep(1);\n');
    assert.equal(run.code, 1);
    const clean = await runCli(['check', '--diff', 'b.php'], { cwd: dir.root, analyzer: fixingAnalyzer() });
    assert.equal(clean.stdout, '');
    assert.equal(clean.code, 0);
  });

  it('gives each edit of --format json in the line ending of its file', async () => {
    dir.write({ 'crlf.php': '<?php\r\nwait();\r\n', 'lf.php': '<?php\nwait();\n' });
    const run = await runCli(['check', '--format', 'json', 'crlf.php', 'lf.php'], { cwd: dir.root, analyzer: fixingAnalyzer() });
    const json = JSON.parse(run.stdout);
    const newTexts = Object.fromEntries(json.findings.map((f: { file: string; fixes: { edits: { newText: string }[] }[] }) => [f.file, f.fixes[0]!.edits[0]!.newText]));
    assert.deepEqual(newTexts, { 'crlf.php': '// waits\r\n', 'lf.php': '// waits\n' });
  });

  it('reports a file that changed on disk during the run as it still is, and counts only the fixes written', async () => {
    dir.write({ 'a.php': '<?php\nsleep(1);\n', 'b.php': '<?php\nsleep(1);\n' });
    let runs = 0;
    // The first analysis reads both files; then someone saves a.php.
    const analyzer = fixingAnalyzer(() => {
      if (++runs === 2) fs.writeFileSync(dir.path('a.php'), '<?php\nsleep(1); // edited\n');
    });
    const run = await runCli(['check', '--fix', 'a.php', 'b.php'], { cwd: dir.root, analyzer });
    assert.equal(fs.readFileSync(dir.path('a.php'), 'utf8'), '<?php\nsleep(1); // edited\n');
    assert.equal(fs.readFileSync(dir.path('b.php'), 'utf8'), '<?php\nusleep(1);\n');
    assert.match(run.stdout, /a\.php: changed on disk during the run; not fixed/);
    // a.php's finding is still there (at the text the run read), and only b.php's fix counts.
    assert.match(run.stdout, /Fixed 1 finding\. 1 finding remains\./);
    assert.match(run.stdout, /a\.php:2:1/);
    assert.equal(run.code, 2);
    assert.deepEqual(fs.readdirSync(dir.root).sort(), ['a.php', 'b.php']);
  });

  it('never writes a file that changed on disk during the run', async () => {
    dir.write({ 'a.php': '<?php\nsleep(1);\n' });
    const analyzer = fixingAnalyzer(() => fs.writeFileSync(dir.path('a.php'), '<?php\nsleep(1); // edited\n'));
    const run = await runCli(['check', '--fix', 'a.php'], { cwd: dir.root, analyzer });
    assert.equal(fs.readFileSync(dir.path('a.php'), 'utf8'), '<?php\nsleep(1); // edited\n');
    assert.match(run.stdout, /a\.php: changed on disk during the run; not fixed/);
    assert.equal(run.code, 2);
    assert.deepEqual(fs.readdirSync(dir.root), ['a.php']);
  });
});

describe('unifiedDiff', () => {
  it('gives hunks with three lines of context, separate when changes are far apart', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].map((l) => `${l}\n`).join('');
    const after = before.replace('2\n', 'two\n').replace('11\n', '11\neleven\n');
    assert.equal(
      unifiedDiff('f.php', before, after),
      '--- a/f.php\n+++ b/f.php\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -9,4 +9,5 @@\n 9\n 10\n 11\n+eleven\n 12\n',
    );
    assert.equal(unifiedDiff('f.php', 'a', 'b'), '--- a/f.php\n+++ b/f.php\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n');
  });
});
