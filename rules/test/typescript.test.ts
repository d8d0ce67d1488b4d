import * as assert from 'node:assert/strict';
import { LineIndex, isTypeScriptPath, lowerTypeScript, parseTypeScript, scriptKindFor, type Cfg, type Effect, type FileIR } from '../../core/src';
import * as ts from 'typescript';
import { nodeCatalog } from '../src/catalog/node';
import { analyzer } from './support';

function lower(text: string, path = 'app.ts'): FileIR {
  return lowerTypeScript(parseTypeScript(path, text).source, path, nodeCatalog).ir;
}

/** The effects of a unit, in node order, as `kind:detail`. */
function effects(ir: FileIR, unitId: string): string[] {
  const unit = ir.units.find((u) => u.id === unitId);
  assert.ok(unit, `no unit ${unitId} in ${ir.units.map((u) => u.id).join(', ')}`);
  return unit.cfg.nodes.flatMap((node) => (node.effect ? [show(node.effect)] : []));
}

function show(effect: Effect): string {
  switch (effect.kind) {
    case 'open':
    case 'close':
      return `${effect.kind}:${effect.resource}`;
    case 'slow':
      return `slow:${effect.slowKind}:${effect.callee}`;
    case 'call':
      return `call:${effect.display}`;
    case 'use':
      return `use:${effect.resource}:${effect.api}`;
    default:
      return effect.kind;
  }
}

/** Nodes reachable from the entry. */
function reachable(cfg: Cfg): Set<number> {
  const seen = new Set([cfg.entry]);
  const stack = [cfg.entry];
  while (stack.length > 0) for (const edge of cfg.nodes[stack.pop()!]!.succs) if (!seen.has(edge.to)) seen.add(edge.to), stack.push(edge.to);
  return seen;
}

describe('TypeScript front end', () => {
  it('parses every TS/JS extension with the matching script kind', () => {
    for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']) assert.ok(isTypeScriptPath(`a/b${ext}`), ext);
    assert.ok(!isTypeScriptPath('a.php') && !isTypeScriptPath('.ts'));
    assert.equal(scriptKindFor('x.tsx'), ts.ScriptKind.TSX);
    assert.equal(scriptKindFor('x.cjs'), ts.ScriptKind.JS);
    assert.equal(scriptKindFor('x.mts'), ts.ScriptKind.TS);
  });

  it('reports syntax problems as messages and never throws', () => {
    assert.deepEqual(parseTypeScript('ok.ts', 'const a = 1;').problems, []);
    const broken = parseTypeScript('bad.ts', 'function f( {\n  const x = ;\n');
    assert.ok(broken.problems.length > 0);
    assert.ok(broken.problems.every((p) => typeof p.message === 'string' && p.message.length > 0));
    for (const text of ['', '\u0000\u0001', '}}}}', '<div>', 'a'.repeat(10000), '('.repeat(5000), '{'.repeat(100000)]) {
      assert.doesNotThrow(() => lower(text));
    }
    assert.match(parseTypeScript('deep.ts', '('.repeat(100000)).problems[0]!.message, /nested too deeply/);
  });

  it('makes units of functions, arrows, function expressions, methods and the top level', () => {
    const ir = lower(
      [
        'function a() {}',
        'const b = () => 1;',
        'const c = function () {};',
        'class D { m() {} constructor() {} get g() { return 1; } }',
      ].join('\n'),
    );
    assert.equal(ir.language, 'typescript');
    assert.deepEqual(
      ir.units.map((u) => `${u.kind}:${u.id}`),
      ['script:script', 'function:function:a', 'closure:closure@26', 'closure:closure@45', 'method:method:D::m', 'method:method:D::constructor', 'method:method:D::g'],
    );
  });

  it('opens a per-variable resource only for a pool imported from pg', () => {
    const text = [
      "import { Pool } from 'pg';",
      "import { Pool as Other } from 'other-db';",
      'const pool = new Pool();',
      'const other = new Other();',
      'async function f() {',
      '  const client = await pool.connect();',
      '  const c2 = await other.connect();',
      '  await client.query("SELECT 1");',
      '  client.release();',
      '  c2.release();',
      '}',
    ].join('\n');
    const ir = lower(text);
    // The query on the client uses it (no effect on `c2`, which is not from pg).
    assert.deepEqual(effects(ir, 'function:f'), [
      'open:pg-client:function:f:client',
      'use:pg-client:function:f:client:client.query()',
      'close:pg-client:function:f:client',
    ]);
    assert.deepEqual(ir.heldResources?.map((r) => `${r.unit} ${r.variable} ${r.noun}`), ['function:f client Pooled client']);
  });

  it('knows slow calls by import, and awaited-only ones only when awaited', () => {
    const text = [
      "import axios from 'axios';",
      "import * as cp from 'child_process';",
      "import { setTimeout as sleep } from 'timers/promises';",
      'async function f() {',
      '  await fetch("https://x");',
      '  await axios.get("https://x");',
      '  cp.exec("ls", () => {});',
      '  cp.execSync("ls");',
      '  sleep(10);',
      '  await sleep(10);',
      '  await new Promise((r) => setTimeout(r, 5));',
      '  new Promise((r) => setTimeout(r, 5));',
      '  axios.create();',
      '}',
    ].join('\n');
    assert.deepEqual(effects(lower(text), 'function:f'), [
      'slow:http:fetch()',
      'slow:http:axios.get()',
      'slow:process:cp.execSync()',
      'slow:sleep:sleep()',
      'slow:sleep:setTimeout()',
    ]);
  });

  it('a local function named like a global is project code, an unknown call is nothing', () => {
    const text = ['function fetch(u: string) { return u; }', 'async function f() { await fetch("x"); unknown(); helper(); }', 'const helper = async () => {};'].join('\n');
    assert.deepEqual(effects(lower(text), 'function:f'), ['call:fetch()', 'call:helper()']);
  });

  it('copies finally onto return and exception paths, and cuts code after return', () => {
    const text = [
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      'async function f(x: boolean) {',
      '  const client = await pool.connect();',
      '  try {',
      '    if (x) return 1;',
      '    await fetch("a");',
      '  } finally {',
      '    client.release();',
      '  }',
      '  return 2;',
      '  await fetch("dead");',
      '}',
    ].join('\n');
    const ir = lower(text);
    const unit = ir.units.find((u) => u.id === 'function:f')!;
    const closes = unit.cfg.nodes.filter((n) => n.effect?.kind === 'close');
    // The return path, the exception path and the normal path each run their own copy.
    assert.equal(closes.length, 3);
    // Code after `return` is dead: it is not lowered at all.
    assert.deepEqual(effects(ir, 'function:f').filter((e) => e.startsWith('slow')), ['slow:http:fetch()']);
    assert.ok(unit.cfg.nodes.filter((n) => n.effect?.kind === 'slow').every((n) => reachable(unit.cfg).has(n.id)));
  });

  it('enters a catch whose try only queries the held resource (a query may throw)', () => {
    const text = [
      "import knex from 'knex';",
      "const db = knex({ client: 'pg' });",
      'async function f() {',
      '  await db.transaction(async (trx) => {',
      '    try {',
      "      await trx('items').insert({ a: 1 });",
      '    } catch (err) {',
      '      await fetch("log");',
      '    }',
      '  });',
      '}',
    ].join('\n');
    const ir = lower(text);
    const unit = ir.units.find((u) => u.id.startsWith('closure@'))!;
    const shown = effects(ir, unit.id);
    // The callback's parameter is the transaction: calling it is a use, not slow work.
    assert.deepEqual(
      shown.map((e) => e.replace(unit.id, 'U')),
      ['open:knex-transaction:U:trx', "use:knex-transaction:U:trx:trx()", 'slow:http:fetch()'],
    );
    const use = unit.cfg.nodes.find((n) => n.effect?.kind === 'use')!;
    const slow = unit.cfg.nodes.find((n) => n.effect?.kind === 'slow')!;
    assert.ok(reachable(unit.cfg).has(slow.id));
    assert.ok(use.succs.length >= 2, 'the use has an exception edge to the catch');
  });

  it('handles loops, labels, switch and short-circuit operators without losing paths', () => {
    const text = [
      'async function f(items: string[], mode: string) {',
      '  outer: for (const a of items) {',
      '    for (let i = 0; i < 3; i++) {',
      '      if (a === "x") continue outer;',
      '      if (a === "y") break outer;',
      '    }',
      '  }',
      '  switch (mode) { case "a": await fetch("a"); break; default: await fetch("b"); }',
      '  const v = items.length > 0 && (await fetch("c"));',
      '  do { await fetch("d"); } while (v);',
      '  for await (const chunk of items) { await fetch("e"); }',
      '  while (true) { if (mode) break; }',
      '  await fetch("end");',
      '}',
    ].join('\n');
    const ir = lower(text);
    const unit = ir.units.find((u) => u.id === 'function:f')!;
    const live = reachable(unit.cfg);
    const slow = unit.cfg.nodes.filter((n) => n.effect?.kind === 'slow');
    assert.equal(slow.length, 6);
    assert.ok(slow.every((n) => live.has(n.id)), 'every fetch is reachable');
    assert.ok(live.has(unit.cfg.exit), 'the end is reachable');
    assert.deepEqual(unit.cfg.loops.map((l) => l.kind), ['foreach', 'for', 'do', 'foreach', 'while']);
    assert.ok(unit.cfg.loops[4]!.infinite);
  });

  it('collects comments for suppressions', () => {
    const ir = lower('// one\nconst a = 1; /* two */\nfunction f() {\n  // three\n}\n');
    assert.deepEqual(ir.comments.map((c) => c.text), ['// one', '/* two */', '// three']);
  });
});

describe('TypeScript analysis', () => {
  const analyze = async (text: string, path = 'handler.ts') => (await analyzer()).analyzeFile({ path, text });

  it('broken syntax gives a result with an error entry, and intact code is still analysed', async () => {
    const text = [
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      'export async function handler() {',
      '  const client = await pool.connect();',
      '  await fetch("https://x");',
      '  client.release();',
      '}',
      'function broken( {',
      '  const x = ;',
    ].join('\n');
    const result = await analyze(text);
    assert.ok(result.errors.length > 0, 'a syntax error is reported');
    assert.match(result.errors[0]!.message, /^line \d+: syntax error, /);
    const lines = new LineIndex(text);
    assert.deepEqual(result.findings.map((f) => `${lines.positionAt(f.span.start).line + 1}:${f.rule}`), ['5:held-across-slow-call']);
  });

  it('returns nothing for empty and declaration-only files', async () => {
    for (const text of ['', 'export {};', 'interface A { b: string }', '#!/usr/bin/env node\n']) {
      const result = await analyze(text);
      const { stats: _stats, ...rest } = result;
      assert.deepEqual(rest, { findings: [], errors: [], notes: [] }, JSON.stringify(text));
    }
  });

  it('suppresses a finding with a session-lint-ignore comment', async () => {
    const text = [
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      'export async function handler() {',
      '  const client = await pool.connect();',
      '  // session-lint-ignore held-across-slow-call: a health check, one request at a time',
      '  await fetch("https://x");',
      '  client.release();',
      '}',
    ].join('\n');
    const result = await analyze(text);
    assert.deepEqual(result.findings, []);
  });

  it('analyses PHP and TypeScript files together', async () => {
    const result = (await analyzer()).analyzeProject([
      { path: 'a.php', text: '<?php\nsession_start();\nsleep(1);\n' },
      { path: 'b.js', text: "const { Pool } = require('pg');\nconst pool = new Pool();\nasync function f() { const c = await pool.connect(); await fetch('x'); c.release(); }\n" },
    ]);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.findings.map((f) => f.span.file).sort(), ['a.php', 'b.js']);
  });
});
