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
