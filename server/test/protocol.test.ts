import * as assert from 'node:assert/strict';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DiagnosticSeverity,
  HoverRequest,
  LSPErrorCodes,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type TextDocumentEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession } from './lsp-session';

const HANDLER = ['<?php', 'session_start();', "$_SESSION['seen'] = true;", 'sleep(5);', "echo 'done';", ''].join('\n');

const INCLUDER = ['<?php', "require __DIR__ . '/../lib/bootstrap.php';", 'sleep(5);', "echo 'done';", ''].join('\n');
const BOOTSTRAP = ['<?php', 'session_start();', ''].join('\n');
const BOOTSTRAP_CLOSED = ['<?php', 'session_start();', 'session_write_close();', ''].join('\n');

async function codeActions(session: LspSession, name: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const actions = await session.client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: session.uri(name) },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
  return (actions ?? []) as CodeAction[];
}

/** Applies a code action's edit to a document's text, as a client would. */
function applied(session: LspSession, name: string, text: string, action: CodeAction): string {
  const edits = (action.edit!.documentChanges as TextDocumentEdit[]).filter((change) => change.textDocument.uri === session.uri(name)).flatMap((change) => change.edits);
  return TextDocument.applyEdits(TextDocument.create(session.uri(name), 'php', 0, text), edits as never);
}

describe('language server (in-process, over a stream pair)', function () {
  this.timeout(60000);
  let session: LspSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('pulls diagnostics with the rule, its doc, the related locations and the version they were computed for', async () => {
    session = await LspSession.start({ files: { 'handler.php': HANDLER } });
    await session.open('handler.php');
    const diagnostics = await session.pull('handler.php');
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    assert.equal(d!.source, 'session-lint');
    assert.equal(d!.code, 'held-across-slow-call');
    assert.equal(d!.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(d!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 8 } });
    assert.match(d!.codeDescription!.href, /held-across-slow-call\.md$/);
    const opened = d!.relatedInformation!.find((r) => /session opened here/.test(r.message));
    assert.ok(opened, JSON.stringify(d!.relatedInformation));
    assert.equal(opened.location.uri, session.uri('handler.php'));
    assert.equal(opened.location.range.start.line, 1);
    assert.equal((d!.data as { version: number }).version, 1);
    await session.until(() => (session!.progress.includes('end') ? true : undefined), 10000, 'the progress to end');
    assert.equal(session.progress[0], 'begin', 'the analysis reported its progress');
    assert.equal(session.progress.at(-1), 'end');
  });

  it('offers the early close as the preferred quick fix; applying it clears the diagnostic', async () => {
    session = await LspSession.start({ files: { 'handler.php': HANDLER } });
    await session.open('handler.php');
    const diagnostics = await session.pull('handler.php');
    const actions = await codeActions(session, 'handler.php', diagnostics);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, actions.map((a) => a.title).join('\n'));
    assert.match(preferred[0]!.title, /^Session Lint \(held-across-slow-call\): Close the session before the slow work/);
    assert.ok(actions.some((a) => /Ignore this finding/.test(a.title) && !a.isPreferred), 'the ignore-this-line action');
    assert.ok(actions.some((a) => a.command?.command === 'sessionLint.showDocumentation'), 'the show-documentation action');
    const fixed = applied(session, 'handler.php', HANDLER, preferred[0]!);
    assert.match(fixed, /session_write_close\(\);\nsleep\(5\);/);
    await session.change('handler.php', fixed);
    assert.deepEqual(await session.pull('handler.php'), []);
  });

  it('a CRLF document gets its fixes in CRLF: quick fixes and source.fixAll keep its line endings', async () => {
    const crlf = HANDLER.split('\n').join('\r\n');
    session = await LspSession.start({ files: { 'handler.php': crlf } });
    await session.open('handler.php');
    const diagnostics = await session.pull('handler.php');
    const quick = (await codeActions(session, 'handler.php', diagnostics)).filter((a) => a.edit);
    const fixAll = await codeActions(session, 'handler.php', [], ['source.fixAll.sessionLint']);
    assert.ok(quick.length >= 2 && fixAll.length === 1, 'the early close, the ignore comment and the fix-all action');
    for (const action of [...quick, ...fixAll]) {
      const fixed = applied(session, 'handler.php', crlf, action);
      assert.notEqual(fixed, crlf, action.title);
      assert.doesNotMatch(fixed, /(^|[^\r])\n/, `${action.title}: a bare \\n in ${JSON.stringify(fixed)}`);
    }
    const fixed = applied(session, 'handler.php', crlf, quick.find((a) => a.isPreferred)!);
    assert.match(fixed, /session_write_close\(\);\r\nsleep\(5\);/);
    await session.change('handler.php', fixed);
    assert.deepEqual(await session.pull('handler.php'), []);
  });

  it('offers nothing for a diagnostic computed for an older version of the document', async () => {
    session = await LspSession.start({ files: { 'handler.php': HANDLER } });
    await session.open('handler.php');
    const stale = await session.pull('handler.php');
    await session.change('handler.php', `${HANDLER}// edited\n`);
    assert.deepEqual(await codeActions(session, 'handler.php', stale), []);
    const fresh = await session.pull('handler.php');
    assert.equal((fresh[0]!.data as { version: number }).version, 2);
    assert.ok((await codeActions(session, 'handler.php', fresh)).length > 0);
  });

  it('source.fixAll.sessionLint applies the safe fixes only', async () => {
    session = await LspSession.start({ files: { 'handler.php': HANDLER } });
    await session.open('handler.php');
    await session.pull('handler.php');
    const actions = await codeActions(session, 'handler.php', [], ['source.fixAll.sessionLint']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.sessionLint');
    const fixed = applied(session, 'handler.php', HANDLER, actions[0]!);
    assert.match(fixed, /session_write_close\(\);\nsleep\(5\);/);
    assert.doesNotMatch(fixed, /session-lint-ignore/, 'display-only fixes are never applied in bulk');
  });

  it('an edit of an included file refreshes the diagnostics of the handler that includes it (pull)', async () => {
    session = await LspSession.start({ files: { 'public/index.php': INCLUDER, 'lib/bootstrap.php': BOOTSTRAP } });
    await session.open('public/index.php');
    await session.open('lib/bootstrap.php');
    const before = await session.pull('public/index.php');
    assert.equal(before.length, 1, JSON.stringify(before));
    assert.ok(before[0]!.relatedInformation!.some((r) => r.location.uri === session!.uri('lib/bootstrap.php')), 'the open is shown in the included file');
    await session.change('lib/bootstrap.php', BOOTSTRAP_CLOSED);
    assert.deepEqual(await session.pull('public/index.php'), []);
  });

  it('an edit of an included file re-publishes the handler that includes it (push)', async () => {
    session = await LspSession.start({ pull: false, files: { 'public/index.php': INCLUDER, 'lib/bootstrap.php': BOOTSTRAP } });
    await session.open('public/index.php');
    await session.open('lib/bootstrap.php');
    await session.pushed('public/index.php', (p) => p.diagnostics.length === 1);
    await session.change('lib/bootstrap.php', BOOTSTRAP_CLOSED);
    await session.pushed('public/index.php', (p) => p.diagnostics.length === 0);
  });

  it('a file on disk that an open handler includes is read, and its change on disk refreshes the handler', async () => {
    session = await LspSession.start({ files: { 'public/index.php': INCLUDER, 'lib/bootstrap.php': BOOTSTRAP } });
    await session.open('public/index.php');
    assert.equal((await session.pull('public/index.php')).length, 1);
    session.write('lib/bootstrap.php', BOOTSTRAP_CLOSED);
    const refreshes = session.refreshes;
    await session.fileChanged('lib/bootstrap.php');
    await session.until(() => (session!.refreshes > refreshes ? true : undefined), 10000, 'a diagnostics refresh');
    assert.deepEqual(await session.pull('public/index.php'), []);
  });

  it('a cancelled request is answered as cancelled, and the next one still works', async () => {
    session = await LspSession.start({ files: { 'handler.php': HANDLER } });
    await session.open('handler.php');
    const source = new CancellationTokenSource();
    const pending = session.pull('handler.php', source.token);
    source.cancel();
    await assert.rejects(pending, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
    assert.equal((await session.pull('handler.php')).length, 1);
  });

  it('a configuration change asks the client to pull again, with the new severities', async () => {
    session = await LspSession.start({ files: { 'handler.php': HANDLER } });
    await session.open('handler.php');
    assert.equal((await session.pull('handler.php'))[0]!.severity, DiagnosticSeverity.Warning);
    const refreshes = session.refreshes;
    await session.changeSettings({ rules: { 'held-across-slow-call': 'error' } });
    await session.until(() => (session!.refreshes > refreshes ? true : undefined), 10000, 'a diagnostics refresh');
    assert.equal((await session.pull('handler.php'))[0]!.severity, DiagnosticSeverity.Error);
    await session.changeSettings({ rules: { 'held-across-slow-call': 'off' } });
    assert.deepEqual(await session.pull('handler.php'), []);
    await session.changeSettings({ maxFileSize: 20 });
    assert.deepEqual(await session.pull('handler.php'), [], 'a file over the size limit is not analysed');
    await session.changeSettings({ enable: false });
    assert.deepEqual(await session.pull('handler.php'), []);
    await session.changeSettings({});
    assert.equal((await session.pull('handler.php')).length, 1);
  });

  it('session-lint.json is read, and its errors are shown in that file until it is fixed', async () => {
    session = await LspSession.start({ files: { 'handler.php': HANDLER, 'session-lint.json': '{ "rules": { "held-across-slow-call": "info" } }' } });
    await session.open('handler.php');
    assert.equal((await session.pull('handler.php'))[0]!.severity, DiagnosticSeverity.Information);
    session.write('session-lint.json', '{ "rulez": {} }');
    await session.fileChanged('session-lint.json');
    const shown = await session.pushed('session-lint.json', (p) => p.diagnostics.length === 1);
    assert.match(String(shown.diagnostics[0]!.message), /unknown key `rulez`/);
    assert.equal((await session.pull('handler.php'))[0]!.severity, DiagnosticSeverity.Warning, 'the settings alone apply meanwhile');
    session.write('session-lint.json', '{ "rules": { "held-across-slow-call": "info" } }');
    await session.fileChanged('session-lint.json');
    await session.pull('handler.php');
    await session.pushed('session-lint.json', (p) => p.diagnostics.length === 0);
  });

  it('hover on a finding shows the lock timeline', async () => {
    session = await LspSession.start({ files: { 'public/index.php': INCLUDER, 'lib/bootstrap.php': BOOTSTRAP } });
    await session.open('public/index.php');
    const hover = await session.client.sendRequest(HoverRequest.type, { textDocument: { uri: session.uri('public/index.php') }, position: { line: 2, character: 2 } });
    const text = (hover!.contents as MarkupContent).value;
    assert.match(text, /held-across-slow-call/);
    assert.match(text, /1\. .*included here/);
    assert.match(text, /session opened here .*\[bootstrap\.php:2\]/);
    const nothing = await session.client.sendRequest(HoverRequest.type, { textDocument: { uri: session.uri('public/index.php') }, position: { line: 0, character: 1 } });
    assert.equal(nothing as unknown, null);
  });

  it('a broken file open next to a handler takes nothing down: the handler keeps its diagnostic', async () => {
    const broken = ['<?php', 'function half( {', '  session_start(;', "  $x = 'unterminated", ''].join('\n');
    session = await LspSession.start({ files: { 'handler.php': HANDLER, 'broken.php': broken } });
    await session.open('broken.php');
    await session.open('handler.php');
    assert.ok(Array.isArray(await session.pull('broken.php')));
    assert.equal((await session.pull('handler.php')).length, 1);
    await session.change('broken.php', `${broken}}}}}((((`);
    assert.equal((await session.pull('handler.php')).length, 1);
  });

  it('in onSave mode a changed document keeps the diagnostics of its saved text until it is saved', async () => {
    session = await LspSession.start({ settings: { run: 'onSave' }, files: { 'handler.php': HANDLER } });
    await session.open('handler.php');
    const saved = await session.pull('handler.php');
    assert.equal(saved.length, 1);
    const fixed = HANDLER.replace('sleep(5);', 'session_write_close();\nsleep(5);');
    await session.change('handler.php', fixed);
    assert.deepEqual(await session.pull('handler.php'), saved, 'typing does not analyse');
    const refreshes = session.refreshes;
    await session.save('handler.php');
    await session.until(() => (session!.refreshes > refreshes ? true : undefined), 10000, 'a diagnostics refresh after saving');
    assert.deepEqual(await session.pull('handler.php'), []);
  });

  it('analyses TypeScript documents: a pooled client held across fetch()', async () => {
    const route = [
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      'export async function sync(id: string): Promise<void> {',
      '  const client = await pool.connect();',
      "  await fetch('https://crm.example/' + id);",
      '  client.release();',
      '}',
      '',
    ].join('\n');
    session = await LspSession.start({ files: { 'src/sync.ts': route } });
    await session.open('src/sync.ts');
    const diagnostics = await session.pull('src/sync.ts');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['held-across-slow-call', 4]], JSON.stringify(diagnostics));
  });

  it('in an untrusted workspace the configuration\'s include paths are not honoured', async () => {
    const files = {
      'public/index.php': ['<?php', "require 'bootstrap.php';", 'sleep(5);', ''].join('\n'),
      'outside/bootstrap.php': BOOTSTRAP,
      'session-lint.json': JSON.stringify({ includePaths: ['outside'] }),
    };
    session = await LspSession.start({ files });
    await session.open('public/index.php');
    assert.equal((await session.pull('public/index.php')).length, 1, 'trusted: the include path finds the bootstrap');
    await session.close();
    session = await LspSession.start({ files, initializationOptions: { trusted: false } });
    await session.open('public/index.php');
    assert.deepEqual(await session.pull('public/index.php'), []);
  });

  it('a request about a document the server does not know answers empty instead of failing', async () => {
    session = await LspSession.start({ files: {} });
    assert.deepEqual(await session.pull('missing.php'), []);
    assert.deepEqual(await codeActions(session, 'missing.php', []), []);
  });
});
