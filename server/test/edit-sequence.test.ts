import * as assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession } from './lsp-session';

/**
 * Over the protocol: a document typed in (ranged `didChange` edits, as editors send them), its
 * diagnostics pulled after each edit, must get exactly the diagnostics a server that starts
 * from nothing gives for the same text (whatever the first server reused: kept syntax trees
 * re-parsed incrementally, per-file results, units of the lowering before).
 */
describe('language server: diagnostics after each edit equal those of a fresh server', function () {
  this.timeout(300_000);

  const php = [
    '<?php',
    'session_start();',
    ...Array.from({ length: 12 }, (_, i) => [`function step${i}($input) {`, '    $total = 0;', `    foreach ($input as $v) { $total += strlen((string) $v) * ${i}; }`, i % 4 === 0 ? '    sleep(1);' : `    $_SESSION['s${i}'] = $total;`, '    return $total;', '}', `step${i}([1, 2]);`]).flat(),
    '',
  ].join('\n');
  const ts = [
    "import { Pool } from 'pg';",
    'const pool = new Pool();',
    ...Array.from({ length: 12 }, (_, i) => [`export async function step${i}(input: readonly string[]): Promise<number> {`, '  const client = await pool.connect();', '  let total = 0;', `  for (const value of input) total += value.length * ${i};`, i % 4 === 0 ? `  await fetch('https://example.com/${i}');` : "  await client.query('SELECT 1');", '  client.release();', '  return total;', '}']).flat(),
    '',
  ].join('\n');

  /** Typing, deleting, breaking the syntax for a while, and changing what a function does. */
  const phpEdits: ((t: string) => string)[] = [
    (t) => t.replace('    $total = 0;', '     $total = 0;'),
    (t) => t.replace('    sleep(1);', '    sleep(1'), // unclosed: a syntax error
    (t) => t.replace('    sleep(1\n', '    sleep(1);\n'),
    (t) => t.replace("step3([1, 2]);", "step3([1, 2]);\nsession_write_close();"),
    (t) => t.replace('function step5($input) {', 'function step5($input) {{'),
    (t) => t.replace('function step5($input) {{', 'function step5($input) {'),
    (t) => t.replace('session_write_close();\n', ''),
    (t) => t.replace('    return $total;\n}\nstep8', '    sleep(2);\n    return $total;\n}\nstep8'),
    (t) => `${t}\n// done\n`,
  ];
  const tsEdits: ((t: string) => string)[] = [
    (t) => t.replace('  let total = 0;', '   let total = 0;'),
    (t) => t.replace('  client.release();', '  client.release('), // unclosed: a syntax error
    (t) => t.replace('  client.release(\n', '  client.release();\n'),
    (t) => t.replace("  await fetch('https://example.com/4');", "  client.release();\n  await fetch('https://example.com/4');"),
    (t) => t.replace('export async function step6', 'export async function  step6'),
    (t) => t.replace("  await client.query('SELECT 1');\n  client.release();\n  return total;\n}\nexport async function step10", "  await client.query('SELECT 1');\n  await fetch('https://example.com/x');\n  client.release();\n  return total;\n}\nexport async function step10"),
    (t) => `// head\n${t}`,
  ];

  const sessions: LspSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });

  /**
   * What the editor shows of a diagnostic: all of it but the document version its fixes are
   * for, the workspace folder (each server has its own) written as `<root>`.
   */
  const shown = (session: LspSession, diagnostics: Diagnostic[]): unknown =>
    JSON.parse(
      JSON.stringify(
        diagnostics.map((d) => {
          const { version: _version, ...data } = (d.data ?? {}) as { version?: number };
          return { ...d, data };
        }),
      ).replaceAll(session.uri(''), '<root>'),
    );

  /** The diagnostics a new server gives for the text, opened once. */
  async function fresh(name: string, text: string): Promise<unknown> {
    const session = await LspSession.start({ files: { [name]: text } });
    sessions.push(session);
    await session.open(name, text);
    const diagnostics = shown(session, await session.pull(name));
    await session.close();
    sessions.splice(sessions.indexOf(session), 1);
    return diagnostics;
  }

  async function typedIn(name: string, start: string, edits: ((t: string) => string)[]): Promise<void> {
    const editing = await LspSession.start({ files: { [name]: start } });
    sessions.push(editing);
    await editing.open(name, start);
    const first = await editing.pull(name);
    assert.ok(first.length > 0, 'the file has findings to keep track of');
    let text = start;
    let version = 1;
    let changedFindings = false;
    for (const [i, edit] of edits.entries()) {
      const next = edit(text);
      assert.notEqual(next, text, `edit ${i + 1} changes the text`);
      await editing.client.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: editing.uri(name), version: ++version },
        contentChanges: [rangedChange(text, next)],
      });
      text = next;
      const incremental = shown(editing, await editing.pull(name));
      const expected = await fresh(name, text);
      assert.deepEqual(incremental, expected, `after edit ${i + 1}`);
      changedFindings ||= JSON.stringify(incremental) !== JSON.stringify(shown(editing, first));
    }
    assert.ok(changedFindings, 'the edits change the findings on the way');
  }

  it('a PHP file of functions called from its top level', async () => {
    await typedIn('handler.php', php, phpEdits);
  });

  it('a TypeScript module of route handlers', async () => {
    await typedIn('src/routes.ts', ts, tsEdits);
  });

  /** A function with a safe early close below a line typed in: each edit only moves it (no line added). */
  const movedOnly = ['<?php', 'session_start();', 'function report() {', '    session_start();', "    $_SESSION['x'] = 1;", "    file_get_contents('https://example.com/');", '    return 1;', '}', 'report();', ''].join('\n');

  /** Declarations other code reads: a namespace, a docblock's return type, a class and its method, an anonymous class. */
  const declared = [
    '<?php',
    'namespace App;',
    'session_start();',
    '/** @return Store */',
    'function store() { return make(); }',
    'function make() { return null; }',
    'class Store {',
    '    public function save($v) { $_SESSION[\'v\'] = $v; }',
    '}',
    'function page() { return new class { public function run() { return 1; } }; }',
    '$s = store();',
    'sleep(1);',
    '$s->save(1);',
    '',
  ].join('\n');

  it('a PHP file whose declarations the edits change (each declaring statement kept or walked again)', async () => {
    await typedIn('declared.php', declared, [
      (t) => t.replace('session_start();', ' session_start();'), // every declaration moved (the anonymous class's name is its offset: walked again)
      (t) => t.replace('/** @return Store */', '/** @return Other */'),
      (t) => t.replace('/** @return Other */', '/** @return Store */'),
      (t) => t.replace('namespace App;\n', 'namespace App;\nuse Lib\\Store;\n'),
      (t) => t.replace('use Lib\\Store;\n', ''),
      (t) => t.replace('    public function save($v) {', '    public function save($v) {{'), // a syntax error in the class
      (t) => t.replace('    public function save($v) {{', '    public function save($v) {'),
      (t) => t.replace("$_SESSION['v'] = $v; }", "$_SESSION['v'] = $v; $_SESSION['w'] = 2; }"),
      (t) => t.replace('class Store {', 'class Stock {'),
      (t) => t.replace('sleep(1);\n', ''),
    ]);
  });

  it('a PHP function moved again and again by typing above it (its units reused, their spans moved)', async () => {
    const spaces = Array.from({ length: 6 }, () => (t: string) => t.replace('<?php\n', '<?php\n '));
    // The last edit changes what the function does, so the findings change on the way.
    await typedIn('report.php', movedOnly, [...spaces, (t) => t.replace("    file_get_contents('https://example.com/');\n", '')]);
  });
});

/**
 * Over the protocol: what a callee does is part of its callers' diagnostics. An edit inside the
 * callee alone (the caller's text unchanged) changes the caller's diagnostic, as a fresh
 * server sees it, both ways.
 */
describe('language server: an edit in a callee changes its caller\'s diagnostics', function () {
  this.timeout(300_000);

  const sessions: LspSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });

  const callee = ['<?php', 'function fetch_remote($url) {', '    return file_get_contents($url);', '}', ''].join('\n');
  const caller = ['<?php', "require_once __DIR__ . '/remote.php';", 'function page() {', '    session_start();', "    $_SESSION['seen'] = 1;", "    $body = fetch_remote('https://example.com/');", '    echo $body;', '}', 'page();', ''].join('\n');
  const slowCallLine = 5; // `$body = fetch_remote(...)`, zero-based
  /** The callee's slow work taken out (put back by the next edit). */
  const quick = callee.replace('return file_get_contents($url);', 'return strtoupper($url);');

  /** Ranges, codes, messages and related locations, the workspace folder written as `<root>`. */
  const comparable = (session: LspSession, diagnostics: Diagnostic[]): unknown =>
    JSON.parse(JSON.stringify(diagnostics.map((d) => ({ range: d.range, code: d.code, message: d.message, related: d.relatedInformation ?? [] }))).replaceAll(session.uri(''), '<root>'));

  /** What a new server, given these texts open, says of the caller's file. */
  async function fresh(files: Record<string, string>): Promise<unknown> {
    const session = await LspSession.start({ files });
    sessions.push(session);
    for (const [name, text] of Object.entries(files)) await session.open(name, text);
    const diagnostics = comparable(session, await session.pull('page.php'));
    await session.close();
    sessions.splice(sessions.indexOf(session), 1);
    return diagnostics;
  }

  for (const [where, name] of [
    ['in the same file', 'page.php'],
    ['in an included file, open in the editor', 'remote.php'],
  ] as const) {
    it(`the callee ${where}`, async () => {
      // One file (the callee pasted in above the caller) or two.
      const together = name === 'page.php';
      const start: Record<string, string> = together ? { 'page.php': `${callee}${caller.replace(/^<\?php\n.*\n/, '')}` } : { 'remote.php': callee, 'page.php': caller };
      const callLine = together ? slowCallLine + callee.split('\n').length - 3 : slowCallLine;
      const editing = await LspSession.start({ files: start });
      sessions.push(editing);
      for (const [file, text] of Object.entries(start)) await editing.open(file, text);
      const before = await editing.pull('page.php');
      const slowHere = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.range.start.line === callLine).map((d) => String(d.code));
      assert.ok(slowHere(before).length > 0, 'the caller is told about the slow callee');
      let text = start[name]!;
      for (const [i, next] of [text.replace(callee, quick), text].entries()) {
        await editing.change(name, next);
        text = next;
        const now = await editing.pull('page.php');
        const files = { ...start, [name]: text };
        assert.deepEqual(comparable(editing, now), await fresh(files), `after edit ${i + 1}`);
        if (i === 0) assert.deepEqual(slowHere(now), [], 'the callee no longer does slow work: its caller is quiet');
        else assert.deepEqual(slowHere(now), slowHere(before), 'the slow work is back: so is the caller\'s diagnostic');
      }
    });
  }
});

/** The one ranged change (the text between the common start and the common end) that turns `before` into `after`. */
function rangedChange(before: string, after: string) {
  let start = 0;
  while (start < Math.min(before.length, after.length) && before[start] === after[start]) start++;
  let end = 0;
  while (end < Math.min(before.length, after.length) - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const document = TextDocument.create('file:///x', 'text', 0, before);
  return { range: { start: document.positionAt(start), end: document.positionAt(before.length - end) }, text: after.slice(start, after.length - end) };
}
