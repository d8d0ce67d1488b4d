// Benchmark of the language server (issue 13's speed rows): the time from `didChange` to fresh
// pulled diagnostics over a few hundred typical edits of a large PHP file, p50 and p95, and the
// server's memory afterwards. Drives the bundle (`npm run build` first) over stdio.
// Usage: node tools/bench-lsp.mjs [edits=300] [functions=500] [max-seconds=90]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import lsp from 'vscode-languageserver/node';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const edits = Number(process.argv[2] ?? 300);
const functions = Number(process.argv[3] ?? 500);
const maxSeconds = Number(process.argv[4] ?? 90);

// A handler file of ~10 lines per function: session helpers, slow work, plain code.
const lines = ['<?php', 'session_start();'];
for (let i = 0; i < functions; i++) {
  lines.push(`function step_${i}($input) {`, `    $total = 0;`, `    foreach ($input as $k => $v) {`, `        $total += strlen((string) $v) * ${i};`, `    }`);
  lines.push(i % 50 === 0 ? `    sleep(1);` : `    $_SESSION['step_${i}'] = $total;`, `    return $total;`, `}`, `step_${i}([1, 2, 3]);`, '');
}
const text = lines.join('\n');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-bench-'));
const file = path.join(work, 'handler.php');
fs.writeFileSync(file, text);
const uri = pathToFileURL(file).href;

const child = spawn(process.execPath, [path.join(root, 'server/out/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
connection.onNotification(() => undefined);
connection.listen();
await connection.sendRequest(lsp.InitializeRequest.type, {
  processId: process.pid,
  rootUri: pathToFileURL(work).href,
  workspaceFolders: [{ uri: pathToFileURL(work).href, name: 'bench' }],
  capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } },
});
await connection.sendNotification(lsp.InitializedNotification.type, {});
await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'php', version: 1, text } });
const pull = () => connection.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } });
let started = performance.now();
const first = await pull();
const coldMs = performance.now() - started;

// Typing in a function body: one character inserted, then the diagnostics pulled.
const samples = [];
// Bounded in time too (a loaded machine): the edits measured are in the output.
const deadline = performance.now() + maxSeconds * 1000;
for (let version = 2; version < edits + 2 && performance.now() < deadline; version++) {
  const line = 2 + ((version * 37) % (functions * 10));
  started = performance.now();
  await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: version % 2 ? ' ' : '' }],
  });
  await pull();
  samples.push(performance.now() - started);
}
samples.sort((a, b) => a - b);
const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
const rss = Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
console.log(JSON.stringify({ lines: text.split('\n').length, findings: first.items.length, coldMs: Math.round(coldMs), edits: samples.length, p50Ms: Number(at(0.5)), p95Ms: Number(at(0.95)), serverRssMb: Math.round(rss), cpus: os.cpus().length, load: os.loadavg()[0].toFixed(1) }));
await connection.sendRequest(lsp.ShutdownRequest.type);
await connection.sendNotification(lsp.ExitNotification.type);
connection.dispose();
fs.rmSync(work, { recursive: true, force: true });
