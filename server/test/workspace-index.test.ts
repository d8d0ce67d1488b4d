import * as assert from 'node:assert/strict';
import { DocumentDiagnosticReportKind, FileChangeType, type WorkspaceFullDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { LspSession } from './lsp-session';

// A handler that calls a helper declared in another file, which it does not include: the
// helper is found because the workspace folder is one project, as when the CLI checks it.
const CALLER = ['<?php', 'session_start();', "$_SESSION['x'] = 1;", 'wait_for_job();', "echo 'done';", ''].join('\n');
const SLOW_HELPER = ['<?php', 'function wait_for_job() {', '  sleep(5);', '}', ''].join('\n');
const QUICK_HELPER = ['<?php', 'function wait_for_job() {', '  return 1;', '}', ''].join('\n');
const HANDLER = ['<?php', 'session_start();', "$_SESSION['seen'] = true;", 'sleep(5);', "echo 'done';", ''].join('\n');

const full = (reports: Awaited<ReturnType<LspSession['pullWorkspace']>>) => reports.filter((r): r is WorkspaceFullDocumentDiagnosticReport & { uri: string; version: number | null } => r.kind === DocumentDiagnosticReportKind.Full);

describe('language server: the workspace as one project (index over the workspace folder)', function () {
  this.timeout(60000);
  let session: LspSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('follows a function an open handler calls into the unopened file that declares it; editing that file changes the handler', async () => {
    session = await LspSession.start({ files: { 'handler.php': CALLER, 'lib/jobs.php': SLOW_HELPER } });
    await session.open('handler.php');
    const diagnostics = await session.pull('handler.php');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['held-across-slow-call', 3]], JSON.stringify(diagnostics));
    assert.ok(diagnostics[0]!.relatedInformation!.some((r) => r.location.uri === session!.uri('lib/jobs.php') && r.location.range.start.line === 2), 'the sleep in the unopened helper');
    await session.open('lib/jobs.php');
    await session.change('lib/jobs.php', QUICK_HELPER);
    assert.deepEqual(await session.pull('handler.php'), [], 'the unsaved edit of the helper');
  });

  it('workspace/diagnostic lists the findings of unopened files (not vendor or ignored ones), with result ids; unchanged reports come back unchanged', async () => {
    session = await LspSession.start({
      files: {
        'public/report.php': HANDLER,
        'public/clean.php': ['<?php', "echo 'hello';", ''].join('\n'),
        'vendor/acme/poll.php': HANDLER,
        'generated/old.php': HANDLER,
        '.gitignore': 'generated/\n',
      },
    });
    const first = await session.pullWorkspace();
    assert.deepEqual(full(first).map((r) => [r.uri, r.items.map((d) => [d.code, d.range.start.line]), r.version]), [[session.uri('public/report.php'), [['held-across-slow-call', 3]], null]]);
    const resultId = full(first)[0]!.resultId!;
    assert.equal(typeof resultId, 'string');
    // Nothing new: the request is held open until something changes, then answered `unchanged`.
    await session.open('public/clean.php');
    let answered = false;
    const again = session.pullWorkspace([{ uri: session.uri('public/report.php'), value: resultId }]).finally(() => (answered = true));
    // The same editor state: these share the workspace request's analysis, and answer after it.
    assert.deepEqual(await session.pull('public/clean.php'), []);
    assert.deepEqual(await session.pull('public/clean.php'), []);
    assert.equal(answered, false, 'held while nothing changed');
    await session.change('public/clean.php', ['<?php', "echo 'hello again';", ''].join('\n'));
    assert.deepEqual((await again).map((r) => [r.uri, r.kind]), [[session.uri('public/report.php'), DocumentDiagnosticReportKind.Unchanged]]);
  });

  it('a watched file changed on disk refreshes the diagnostics of the handler that calls into it, and of the workspace', async () => {
    session = await LspSession.start({ files: { 'handler.php': CALLER, 'lib/jobs.php': SLOW_HELPER } });
    await session.open('handler.php');
    assert.equal((await session.pull('handler.php')).length, 1);
    const before = await session.pullWorkspace();
    assert.equal(full(before).length, 1);
    session.write('lib/jobs.php', QUICK_HELPER);
    const refreshes = session.refreshes;
    await session.fileChanged('lib/jobs.php');
    await session.until(() => (session!.refreshes > refreshes ? true : undefined), 10000, 'a diagnostics refresh');
    assert.deepEqual(await session.pull('handler.php'), []);
    // The client had a report for the handler: it now gets an empty one.
    const after = await session.pullWorkspace(before.map((r) => ({ uri: r.uri, value: (r as { resultId?: string }).resultId! })));
    assert.deepEqual(full(after).map((r) => [r.uri, r.items.length]), [[session.uri('handler.php'), 0]]);
    // A file created on disk joins the project (the folder is walked again).
    session.write('jobs/poll.php', HANDLER);
    await session.fileChanged('jobs/poll.php', FileChangeType.Created);
    const created = await session.pullWorkspace();
    assert.deepEqual(full(created).map((r) => [r.uri, r.items.length]), [[session.uri('jobs/poll.php'), 1]]);
  });

  it('reports the index\'s progress (window/workDoneProgress) while it reads the workspace', async () => {
    const files: Record<string, string> = { 'handler.php': CALLER, 'lib/jobs.php': SLOW_HELPER };
    for (let i = 0; i < 20; i++) files[`lib/helper${i}.php`] = ['<?php', `function helper${i}() { return ${i}; }`, ''].join('\n');
    session = await LspSession.start({ files });
    await session.open('handler.php');
    assert.equal((await session.pull('handler.php')).length, 1);
    await session.until(() => (session!.progress.includes('end') ? true : undefined), 10000, 'the progress to end');
    assert.equal(session.progress[0], 'begin');
    assert.ok(session.progress.includes('report'), session.progress.join(', '));
    assert.equal(session.progress.at(-1), 'end');
    assert.ok(session.progressMessages.some((m) => /indexing .*: \d+ of 22 PHP files/.test(m)), session.progressMessages.join('\n'));
  });
});
