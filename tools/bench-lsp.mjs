// Benchmark of the language server (issue 13's speed rows), driving the bundle (`npm run
// build` first) over stdio, each server with a cache folder of its own (XDG_CACHE_HOME).
// Prints one JSON line per measure as soon as it is measured, so a run stopped from outside
// (tools/bench.mjs gives it a time limit) still leaves what it measured.
//
//   node tools/bench-lsp.mjs edits --language php|ts [--functions 500] [--edits 300]
//                                  [--folder DIR --file PATH] [--max-seconds 90] [--idle-seconds 10] [--settle-seconds 3]
//     A generated handler file (10 lines per function: 5,000 lines by default) opened, then
//     typed in one character at a time (a space at the start of a line, each time another
//     line: the code stays valid and no text repeats), the diagnostics pulled after
//     each edit: p50 and p95 of `didChange` to fresh diagnostics, at most --edits edits or
//     --max-seconds seconds; the server's memory once the file is open (openRssMb) and after
//     the edits (serverRssMb), and its CPU while it then sits idle. Also the server's CPU time
//     per edit (cpuP50Ms, cpuP95Ms: all its threads, which a loaded machine does not inflate
//     as it does the wall time). With --folder and --file, the workspace is DIR (left
//     unchanged: the edits stay in the editor) and the file typed in is PATH (relative to
//     DIR), so the memory is that of a server holding a whole project.
//     Line: { measure: 'edits', language, lines, findings, coldMs, edits, p50Ms, p95Ms, cpuP50Ms, cpuP95Ms, openRssMb, serverRssMb, idleCpuMs, idleSeconds }
//
//   node tools/bench-lsp.mjs index --folder DIR [--folder DIR...] [--open FILE] [--idle-seconds 10] [--settle-seconds 3]
//     The folders opened as one workspace, cold (empty cache) and on a second start (the
//     cache the first start wrote): the time to the answer of `workspace/diagnostic` (the
//     whole workspace indexed and analysed) when the server offers it, else the time to the
//     first diagnostics of --open FILE (what that file reaches), and the measure says which.
//     Lines: { measure: 'index-cold', how, ms, cpuMs, files, findings }, { measure: 'index-memory',
//     serverRssMb }, { measure: 'index-idle', idleCpuMs, idleSeconds }, { measure: 'index-second', how, ms, cpuMs, files, findings }
//     (cpuMs: the server's CPU, all its threads, from its start to the answer).
//
//   BENCH_LSP_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" (either mode): options for the server's
//   node, here a CPU profile per thread (the analysis worker's is the one with the work).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import lsp from 'vscode-languageserver/node';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [mode, ...args] = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const options = (name) => args.flatMap((arg, i) => (arg === name ? [args[i + 1]] : []));
const idleSeconds = Number(option('--idle-seconds', '10'));
// The work an answer leaves behind (the cache written after it is sent) is not idleness.
const settleSeconds = Number(option('--settle-seconds', '3'));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-bench-lsp-'));
const emit = (line) => console.log(JSON.stringify({ ...line, load: Number(os.loadavg()[0].toFixed(1)) }));

/** A server over stdio with its own cache folder, initialised on the workspace `folders`. */
async function startServer(folders, cacheHome) {
  // BENCH_LSP_NODE_ARGS: options for the server's node, e.g. `--cpu-prof --cpu-prof-dir=DIR` (a profile per thread).
  const nodeArgs = (process.env.BENCH_LSP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'server/out/server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
  });
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  // Progress, capability registration and refresh requests: accepted, nothing to do here.
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  const initialized = await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folders[0]).href,
    workspaceFolders: folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })),
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
      textDocument: { diagnostic: {} },
      window: { workDoneProgress: true },
    },
  });
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  const stop = async () => {
    await connection.sendRequest(lsp.ShutdownRequest.type);
    await connection.sendNotification(lsp.ExitNotification.type);
    connection.dispose();
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
  };
  return { child, connection, capabilities: initialized.capabilities, stop };
}

/** A request answered `ServerCancelled` with `retriggerRequest` is sent again, as a client does. */
async function retried(send) {
  for (;;) {
    try {
      return await send();
    } catch (error) {
      if (error?.code === lsp.LSPErrorCodes.ServerCancelled && error?.data?.retriggerRequest !== false) continue;
      throw error;
    }
  }
}

const cpuMs = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const rssMb = (pid) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024);

/** CPU the server takes while nothing is sent to it, once it had --settle-seconds to finish its work. */
async function idleCpu(pid) {
  await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
  const before = cpuMs(pid);
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  return cpuMs(pid) - before;
}

/** A large handler file, ~10 lines per function: session or pooled-client work, slow work, plain code. */
function handlerFile(language, functions) {
  const lines = [];
  if (language === 'php') {
    lines.push('<?php', 'session_start();');
    for (let i = 0; i < functions; i++) {
      lines.push(`function step_${i}($input) {`, `    $total = 0;`, `    foreach ($input as $k => $v) {`, `        $total += strlen((string) $v) * ${i};`, `    }`);
      lines.push(i % 50 === 0 ? `    sleep(1);` : `    $_SESSION['step_${i}'] = $total;`, `    return $total;`, `}`, `step_${i}([1, 2, 3]);`, '');
    }
  } else {
    lines.push("import { Pool } from 'pg';", 'const pool = new Pool();');
    for (let i = 0; i < functions; i++) {
      lines.push(`export async function step${i}(input: readonly string[]): Promise<number> {`, `  const client = await pool.connect();`, `  let total = 0;`);
      lines.push(`  for (const value of input) total += value.length * ${i};`, i % 50 === 0 ? `  await fetch('https://example.com/${i}');` : `  await client.query('SELECT 1');`);
      lines.push(`  client.release();`, `  return total;`, `}`, '', '');
    }
  }
  return lines;
}

async function edits() {
  const language = option('--language', 'php');
  const functions = Number(option('--functions', '500'));
  const edits = Number(option('--edits', '300'));
  const maxSeconds = Number(option('--max-seconds', '90'));
  const given = option('--folder', undefined);
  let folder;
  let file;
  if (given) {
    folder = path.resolve(given);
    file = path.resolve(folder, option('--file', ''));
  } else {
    folder = path.join(scratch, `edits-${language}`);
    fs.mkdirSync(folder);
    file = path.join(folder, language === 'php' ? 'handler.php' : 'handler.ts');
    fs.writeFileSync(file, handlerFile(language, functions).join('\n'));
  }
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const server = await startServer([folder], path.join(scratch, `cache-edits-${language}`));
  const uri = pathToFileURL(file).href;
  const pull = () => retried(() => server.connection.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } }));
  const opened = performance.now();
  await server.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: language === 'php' ? 'php' : 'typescript', version: 1, text } });
  const first = await pull();
  const coldMs = performance.now() - opened;
  const openRssMb = rssMb(server.child.pid);
  // Typing: one character (a space, so the code stays valid) at the start of a line, each
  // edit on another line, so no text is ever seen twice (no cache answers for the whole file);
  // the diagnostics pulled after each edit.
  const samples = [];
  // The server's CPU per edit (all its threads, in 10 ms ticks): on a shared, loaded machine the
  // wall time measures the other processes as much as the server.
  const cpuSamples = [];
  const deadline = performance.now() + maxSeconds * 1000;
  for (let version = 2; version < edits + 2 && performance.now() < deadline; version++) {
    const line = 2 + ((version * 37) % (lines.length - 2));
    const started = performance.now();
    const cpuBefore = cpuMs(server.child.pid);
    await server.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }],
    });
    await pull();
    samples.push(performance.now() - started);
    cpuSamples.push(cpuMs(server.child.pid) - cpuBefore);
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  const at = (q, sorted = samples) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1));
  const serverRssMb = rssMb(server.child.pid);
  const idleCpuMs = await idleCpu(server.child.pid);
  emit({ measure: 'edits', language, ...(given ? { folder: path.basename(folder), file: path.relative(folder, file) } : {}), lines: lines.length, findings: first.items?.length ?? 0, coldMs: Math.round(coldMs), edits: samples.length, maxSeconds, p50Ms: at(0.5), p95Ms: at(0.95), cpuP50Ms: at(0.5, cpuSamples), cpuP95Ms: at(0.95, cpuSamples), openRssMb, serverRssMb, idleCpuMs, idleSeconds });
  await server.stop();
}

async function index() {
  const folders = options('--folder').map((folder) => path.resolve(folder));
  const opened = option('--open', undefined);
  const cacheHome = path.join(scratch, 'cache-index');
  for (const start of ['index-cold', 'index-second']) {
    const server = await startServer(folders, cacheHome);
    const started = performance.now();
    let result;
    if (server.capabilities.diagnosticProvider?.workspaceDiagnostics) {
      const report = await retried(() => server.connection.sendRequest(lsp.WorkspaceDiagnosticRequest.type, { previousResultIds: [] }));
      const items = report.items ?? [];
      result = { how: 'workspace/diagnostic', files: items.length, findings: items.reduce((sum, item) => sum + (item.items?.length ?? 0), 0) };
    } else if (opened) {
      // No workspace index in this server: the nearest measure is one entry file and what it reaches.
      const uri = pathToFileURL(opened).href;
      await server.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'php', version: 1, text: fs.readFileSync(opened, 'utf8') } });
      const report = await retried(() => server.connection.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } }));
      result = { how: `open ${path.relative(path.dirname(folders[0]), opened)}`, files: 1, findings: report.items?.length ?? 0 };
    } else {
      emit({ measure: start, how: 'none', reason: 'the server offers no workspace/diagnostic and no file to open was given' });
      await server.stop();
      return;
    }
    // The server's CPU from its start to the answer (all its threads): the wall time of a
    // loaded machine measures the other processes too.
    emit({ measure: start, ...result, ms: Math.round(performance.now() - started), cpuMs: cpuMs(server.child.pid) });
    if (start === 'index-cold') {
      emit({ measure: 'index-memory', serverRssMb: rssMb(server.child.pid) });
      emit({ measure: 'index-idle', idleCpuMs: await idleCpu(server.child.pid), idleSeconds });
    }
    await server.stop();
  }
}

try {
  if (mode === 'edits') await edits();
  else if (mode === 'index') await index();
  else throw new Error(`bench-lsp: unknown mode '${mode}' (edits or index)`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
