import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzerCache } from '../src/analysis/analyzer-cache';
import type { AnalysisJob, AnalysisOutcome } from '../src/analysis/job';
import { JobCancelled, runJob } from '../src/analysis/run-job';
import { WorkspaceFiles } from '../src/analysis/workspace-files';

/**
 * An editor's analyses reuse what the previous text computed (the syntax tree re-parsed
 * incrementally, per-file results, the fixes' edit sites): after every edit of a sequence, the
 * findings, fixes and errors must be those of an analysis that starts from nothing.
 */
describe('edits analysed incrementally give the findings of a fresh analysis', function () {
  this.timeout(240_000);

  const handler = [
    '<?php',
    "require_once 'helpers.php';",
    'session_start();',
    'function poll($url) {',
    '    $tries = 0;',
    '    while ($tries < 3) {',
    '        $tries++;',
    '        usleep(200000);',
    '    }',
    "    $_SESSION['polled'] = $tries;",
    '    return file_get_contents($url);',
    '}',
    'class Report {',
    '    public function build($id) {',
    "        $_SESSION['report'] = $id;",
    '        sleep(2);',
    '        return $id;',
    '    }',
    '}',
    "$data = poll('https://example.com/feed');",
    "$_SESSION['seen'] = 1;",
    'remember($data);',
    '(new Report())->build(3);',
    'function export_all() {',
    '    session_start();',
    "    $name = $_SESSION['name'];",
    '    sleep(3);',
    '    echo $name;',
    '}',
    '',
  ].join('\n');
  const helpers = ['<?php', 'function remember($value) {', "    $_SESSION['last'] = $value;", '    sleep(1);', '}', ''].join('\n');

  /** Edits as an editor sends them (offsets in the text they apply to), some breaking the syntax for a while. */
  const edits: ((text: string) => string)[] = [
    (t) => insertAt(t, t.indexOf('    $tries = 0;'), ' '),
    (t) => t.replace('    usleep(200000);', '    usleep(200000'), // unclosed: a syntax error
    (t) => t.replace('    usleep(200000', '    usleep(200000);'),
    (t) => t.replace("$_SESSION['seen'] = 1;", "$_SESSION['seen'] = 1;\nsession_write_close();"),
    (t) => t.replace('class Report {', 'class Report {\n    // built on demand'),
    (t) => t.replace('        sleep(2);\n', ''),
    (t) => t.replace('function poll($url) {', 'function poll($url) {{'), // an extra brace: the rest is broken
    (t) => t.replace('function poll($url) {{', 'function poll($url) {'),
    (t) => t.replace('session_write_close();', ''),
    (t) => t.replace("remember($data);", "remember($data);\nsleep(5);"),
    (t) => t.replace('<?php\n', '<?php\n/** Feed page. */\n'),
    // Units that move without changing (their lowering is reused, their spans moved along).
    (t) => insertAt(t, t.indexOf('function poll'), '  '),
    (t) => insertAt(t, t.indexOf('class Report'), ' '),
    (t) => t.replace("$_SESSION['seen'] = 1;", "$_SESSION['seen'] = 1; $cb = function () { sleep(1); };"),
    (t) => insertAt(t, t.indexOf('function poll'), ' '),
  ];

  const scope = { respectIgnoreFiles: true, includeVendor: false, includeTests: false, includeGenerated: false, ignoreGlobs: [], configRoot: '.', changed: [], rescan: false, report: 'open' as const };
  let root: string;
  let savedEnv: string | undefined;
  before(() => {
    savedEnv = process.env.SESSION_LINT_NO_DISK_CACHE;
    process.env.SESSION_LINT_NO_DISK_CACHE = '1';
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-incremental-')));
    fs.writeFileSync(path.join(root, 'handler.php'), handler);
    fs.writeFileSync(path.join(root, 'helpers.php'), helpers);
  });
  after(() => {
    if (savedEnv === undefined) delete process.env.SESSION_LINT_NO_DISK_CACHE;
    else process.env.SESSION_LINT_NO_DISK_CACHE = savedEnv;
    fs.rmSync(root, { recursive: true, force: true });
  });

  const job = (text: string, rescan: boolean): AnalysisJob => ({
    root,
    files: [{ path: 'handler.php', text }],
    overlays: [],
    options: {},
    maxFileSize: 1 << 20,
    workspace: { ...scope, rescan },
  });
  /** What an editor sees of an outcome (not how long it took or what it reused). */
  const seen = (outcome: AnalysisOutcome) => ({ findings: outcome.findings, errors: outcome.errors, notes: outcome.summaryNotes });

  it('after each edit of a sequence (syntax errors on the way included)', async () => {
    const editing = analyzerCache();
    const editingFiles = new WorkspaceFiles();
    let text = handler;
    const first = await runJob(job(text, true), editing, { workspaceFiles: editingFiles });
    assert.ok(first.findings.length >= 2 && first.findings.some((f) => f.fixes.length > 1), 'the handler has findings and fixes to keep track of');
    let sawSyntaxError = false;
    for (const [i, edit] of edits.entries()) {
      text = edit(text);
      const incremental = await runJob(job(text, false), editing, { workspaceFiles: editingFiles });
      const fresh = await runJob(job(text, true), analyzerCache(), { workspaceFiles: new WorkspaceFiles() });
      assert.deepEqual(seen(incremental), seen(fresh), `after edit ${i + 1}`);
      sawSyntaxError ||= fresh.errors.length > 0;
    }
    assert.ok(sawSyntaxError, 'the sequence goes through broken code');
  });

  /** The handler, then 60 more functions, each called from the top level. */
  const longHandler = (): string => {
    const steps = Array.from({ length: 60 }, (_, i) => [`function step${i}($x) {`, `    $_SESSION['s${i}'] = $x;`, i % 8 === 0 ? '    sleep(1);' : '    $x++;', '    return $x;', '}', `step${i}(${i});`]);
    return [handler, ...steps.flat()].join('\n');
  };

  it('after characters typed and taken out across a long file, one at a time', async () => {
    let text = longHandler();
    const editing = analyzerCache();
    const editingFiles = new WorkspaceFiles();
    await runJob(job(text, true), editing, { workspaceFiles: editingFiles });
    for (let step = 0; step < 16; step++) {
      const lineStarts = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
      const at = lineStarts[(step * 97) % lineStarts.length]!;
      // Typed, then taken out: a space first, then the first character of another line.
      text = step % 2 === 0 ? insertAt(text, at, ' ') : text.slice(0, at) + text.slice(at + 1);
      const incremental = await runJob(job(text, false), editing, { workspaceFiles: editingFiles });
      const fresh = await runJob(job(text, true), analyzerCache(), { workspaceFiles: new WorkspaceFiles() });
      assert.deepEqual(seen(incremental), seen(fresh), `after step ${step + 1}`);
    }
  });

  it('after many edits above a function that only move it (its fix still found where the effects now are)', async () => {
    // Each edit moves `report()` by one character without changing any line: its units are
    // reused with their spans moved in place, again and again. What the fixes index by
    // position must move with them (the early close was lost after a few such edits).
    let text = [
      '<?php',
      'session_start();',
      'function report() {',
      '    session_start();',
      "    $_SESSION['x'] = 1;",
      "    file_get_contents('https://example.com/');",
      '    return 1;',
      '}',
      'report();',
      '',
    ].join('\n');
    const editing = analyzerCache();
    const editingFiles = new WorkspaceFiles();
    const first = await runJob(job(text, true), editing, { workspaceFiles: editingFiles });
    assert.ok(first.findings.some((f) => f.fixes.some((fix) => fix.applicability === 'safe')), 'report() has a safe early close');
    for (let step = 0; step < 12; step++) {
      text = insertAt(text, text.indexOf('session_start();'), ' ');
      const incremental = await runJob(job(text, false), editing, { workspaceFiles: editingFiles });
      const fresh = await runJob(job(text, true), analyzerCache(), { workspaceFiles: new WorkspaceFiles() });
      assert.deepEqual(seen(incremental), seen(fresh), `after edit ${step + 1}`);
    }
  });
});

describe('a newer text stops the analysis of a long file inside it', function () {
  this.timeout(120_000);
  let root: string;
  let savedEnv: string | undefined;
  const text = ['<?php', 'session_start();', ...Array.from({ length: 80 }, (_, i) => [`function step${i}($x) {`, `    $_SESSION['s${i}'] = $x;`, i % 8 === 0 ? '    sleep(1);' : '    $x++;', '}', `step${i}(${i});`]).flat(), ''].join('\n');
  before(() => {
    savedEnv = process.env.SESSION_LINT_NO_DISK_CACHE;
    process.env.SESSION_LINT_NO_DISK_CACHE = '1';
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-cancel-')));
    fs.writeFileSync(path.join(root, 'handler.php'), text);
  });
  after(() => {
    if (savedEnv === undefined) delete process.env.SESSION_LINT_NO_DISK_CACHE;
    else process.env.SESSION_LINT_NO_DISK_CACHE = savedEnv;
    fs.rmSync(root, { recursive: true, force: true });
  });
  const scope = { respectIgnoreFiles: true, includeVendor: false, includeTests: false, includeGenerated: false, ignoreGlobs: [], configRoot: '.', changed: [], rescan: true, report: 'open' as const };
  const job = (typed = text): AnalysisJob => ({ root, files: [{ path: 'handler.php', text: typed }], overlays: [], options: {}, maxFileSize: 1 << 20, workspace: scope });

  it('asks between the units of the file (lowering and flows), not only between files', async () => {
    let asked = 0;
    const outcome = await runJob(job(), analyzerCache(), { workspaceFiles: new WorkspaceFiles(), cancelled: () => (asked++, false) });
    assert.ok(outcome.findings.length > 0);
    // One file: asked twice between files; 81 units lowered, and their flows.
    assert.ok(asked > 2 * 81, `asked ${asked} times`);
  });

  it('stops half-way through an edit that moved every unit, and the next analysis of that text is a fresh one', async () => {
    // A space before the first function: every unit moves, its lowering reused and its spans moved.
    const moved = text.replace('function step0', ' function step0');
    // How often the analysis of the moved text asks whether to stop: it may take the flow and
    // the rules' output of the text before (`KeptRulesStage`), and then asks only while lowering.
    let asked = 0;
    const counting = analyzerCache();
    const countingFiles = new WorkspaceFiles();
    await runJob(job(), counting, { workspaceFiles: countingFiles });
    await runJob(job(moved), counting, { workspaceFiles: countingFiles, cancelled: () => (asked++, false) });
    for (const stopAt of [5, 40, Math.min(120, asked - 1)]) {
      const analyzers = analyzerCache();
      const workspaceFiles = new WorkspaceFiles();
      await runJob(job(), analyzers, { workspaceFiles });
      let calls = 0;
      await assert.rejects(runJob(job(moved), analyzers, { workspaceFiles, cancelled: () => ++calls >= stopAt }), JobCancelled);
      const next = await runJob(job(moved), analyzers, { workspaceFiles });
      const fresh = await runJob(job(moved), analyzerCache(), { workspaceFiles: new WorkspaceFiles() });
      assert.deepEqual([next.findings, next.errors], [fresh.findings, fresh.errors], `stopped at check ${stopAt}`);
    }
  });

  it('stops half-way when cancelled, and the next analysis is that of a fresh start', async () => {
    let asked = 0;
    await runJob(job(), analyzerCache(), { workspaceFiles: new WorkspaceFiles(), cancelled: () => (asked++, false) });
    for (const stopAt of [10, Math.floor(asked / 2), asked - 5]) {
      const analyzers = analyzerCache();
      const workspaceFiles = new WorkspaceFiles();
      let calls = 0;
      await assert.rejects(runJob(job(), analyzers, { workspaceFiles, cancelled: () => ++calls >= stopAt }), JobCancelled);
      assert.ok(calls <= stopAt + 1, `asked again ${calls - stopAt} times after it said stop`);
      const next = await runJob(job(), analyzers, { workspaceFiles });
      const fresh = await runJob(job(), analyzerCache(), { workspaceFiles: new WorkspaceFiles() });
      assert.deepEqual([next.findings, next.errors], [fresh.findings, fresh.errors], `stopped at check ${stopAt}`);
    }
  });
});

function insertAt(text: string, offset: number, inserted: string): string {
  return text.slice(0, offset) + inserted + text.slice(offset);
}
