// Benchmark of the language server (issue 13's speed rows), driving the bundle (`npm run
// build` first) over stdio, each server with a cache folder of its own (XDG_CACHE_HOME):
//   - edits: the time from `didChange` to fresh pulled diagnostics over a few hundred typical
//     edits of a large PHP file, p50 and p95; the server's memory afterwards; its CPU while the
//     editor then sits idle for a few seconds;
//   - a project opened cold and on a second start (--open FILE in --workspace DIR): the time
//     to the first diagnostics of that file, whose includes the server reads and lowers, with
//     an empty cache, then after a restart of the server with the cache the first one wrote.
//     (The server analyses the open documents and what they reach; it has no workspace index
//     yet, so this is the index time's nearest measure.)
// Prints one JSON line. Usage:
//   node tools/bench-lsp.mjs [--edits 300] [--functions 500] [--max-seconds 90] [--idle-seconds 5]
//                            [--workspace DIR --open FILE]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import lsp from 'vscode-languageserver/node';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const edits = Number(option('--edits', '300'));
const functions = Number(option('--functions', '500'));
const maxSeconds = Number(option('--max-seconds', '90'));
const idleSeconds = Number(option('--idle-seconds', '5'));
const workspace = option('--workspace', undefined);
const opened = option('--open', undefined);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-bench-lsp-'));

/** A server over stdio with its own cache folder, initialised on `folder`. */
async function startServer(folder, cacheHome) {
  const child = spawn(process.execPath, [path.join(root, 'server/out/server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
  });
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.onNotification(() => undefined);
  connection.listen();
  await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } },
  });
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  const stop = async () => {
    await connection.sendRequest(lsp.ShutdownRequest.type);
    await connection.sendNotification(lsp.ExitNotification.type);
    connection.dispose();
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
  };
  return { child, connection, stop };
}

/** Opens a file and waits for its first pulled diagnostics; the time it took. */
async function openAndPull(connection, file, text) {
  const uri = pathToFileURL(file).href;
  const started = performance.now();
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'php', version: 1, text } });
  const report = await connection.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } });
  return { ms: performance.now() - started, items: report.items ?? [], uri };
}

const cpuMs = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const rssMb = (pid) => Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;

const out = { cpus: os.cpus().length };

// 1. Edits of a large handler file (~10 lines per function: session helpers, slow work, plain code).
{
  const lines = ['<?php', 'session_start();'];
  for (let i = 0; i < functions; i++) {
    lines.push(`function step_${i}($input) {`, `    $total = 0;`, `    foreach ($input as $k => $v) {`, `        $total += strlen((string) $v) * ${i};`, `    }`);
    lines.push(i % 50 === 0 ? `    sleep(1);` : `    $_SESSION['step_${i}'] = $total;`, `    return $total;`, `}`, `step_${i}([1, 2, 3]);`, '');
  }
  const text = lines.join('\n');
  const folder = path.join(scratch, 'edits');
  fs.mkdirSync(folder);
  const file = path.join(folder, 'handler.php');
  fs.writeFileSync(file, text);
  const server = await startServer(folder, path.join(scratch, 'cache-edits'));
  const first = await openAndPull(server.connection, file, text);
  // Typing in a function body: one character inserted (or taken out), then the diagnostics pulled.
  const samples = [];
  const deadline = performance.now() + maxSeconds * 1000;
  for (let version = 2; version < edits + 2 && performance.now() < deadline; version++) {
    const line = 2 + ((version * 37) % (functions * 10));
    const started = performance.now();
    await server.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: first.uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: version % 2 ? 0 : 1 } }, text: version % 2 ? ' ' : '' }],
    });
    await server.connection.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri: first.uri } });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => Number(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1));
  Object.assign(out, { lines: lines.length, findings: first.items.length, coldMs: Math.round(first.ms), edits: samples.length, p50Ms: at(0.5), p95Ms: at(0.95) });
  out.serverRssMb = Math.round(rssMb(server.child.pid));
  // Idle: nothing is sent; the server should not work at all.
  const before = cpuMs(server.child.pid);
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  out.idleCpuMs = cpuMs(server.child.pid) - before;
  out.idleSeconds = idleSeconds;
  await server.stop();
}

// 2. A project opened cold, then on a second start with the cache the first start wrote.
if (workspace && opened) {
  const cacheHome = path.join(scratch, 'cache-project');
  const text = fs.readFileSync(opened, 'utf8');
  const times = [];
  for (let start = 0; start < 2; start++) {
    const server = await startServer(workspace, cacheHome);
    const result = await openAndPull(server.connection, opened, text);
    times.push(result.ms);
    if (start === 0) out.projectRssMb = Math.round(rssMb(server.child.pid));
    out.projectFindings = result.items.length;
    await server.stop();
  }
  Object.assign(out, { project: path.relative(workspace, opened), indexColdMs: Math.round(times[0]), indexSecondMs: Math.round(times[1]) });
}

out.load = Number(os.loadavg()[0].toFixed(1));
console.log(JSON.stringify(out));
fs.rmSync(scratch, { recursive: true, force: true });
