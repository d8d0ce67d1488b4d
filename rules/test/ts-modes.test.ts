import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzer, fixturesRoot } from './support';

/**
 * The two TypeScript modes on the same code: with a tsconfig.json the type checker knows the
 * injected `pool` is a pg Pool; without one, only syntax and imports count, and a pool that
 * arrives through the constructor is not recognised (precision first). Verbose notes say
 * which mode ran.
 */
describe('TypeScript modes', () => {
  const root = path.join(fixturesRoot, 'held-across-slow-call', 'ts-typed-injection');
  const file = 'src/orders.service.ts';
  const text = fs.readFileSync(path.join(root, file), 'utf8');

  it('is type-aware with a tsconfig.json and reports the held client', async () => {
    const result = (await analyzer()).analyzeProject([{ path: file, text }], {
      readFile: (p) => (fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p), 'utf8') : undefined),
    });
    assert.equal(result.findings.filter((f) => f.rule === 'held-across-slow-call').length, 1);
    assert.ok(result.notes.some((n) => /type-aware \(tsconfig\.json/.test(n.message)), JSON.stringify(result.notes));
  });

  it('is syntax-only without one, and does not guess what the injected pool is', async () => {
    const result = (await analyzer()).analyzeProject([{ path: file, text }], { readFile: () => undefined });
    assert.equal(result.findings.length, 0);
    assert.ok(result.notes.some((n) => /syntax-only/.test(n.message)), JSON.stringify(result.notes));
  });
});

/**
 * Projects of several modules (`test-fixtures/held-across-slow-call/ts-modules-*`) in both
 * modes: what one module exports (a pool, a knex, a service instance, a function) is followed
 * from the modules that import it, with or without a tsconfig.json; what only the types say
 * (an injected service) needs one.
 */
describe('TypeScript modules in both modes', () => {
  const folder = (name: string): string => path.join(fixturesRoot, 'held-across-slow-call', name);
  const sourcesOf = (root: string): { path: string; text: string }[] => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = dir === '' ? e.name : `${dir}/${e.name}`;
        return e.isDirectory() ? walk(rel) : /\.(ts|js)$/.test(e.name) ? [rel] : [];
      });
    return walk('').map((file) => ({ path: file, text: fs.readFileSync(path.join(root, file), 'utf8') }));
  };
  const read = (root: string) => (p: string) => (fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p), 'utf8') : undefined);
  const lines = (root: string, findings: readonly { span: { file: string; start: number } }[]): string[] =>
    findings.map((f) => `${f.span.file}:${fs.readFileSync(path.join(root, f.span.file), 'utf8').slice(0, f.span.start).split('\n').length}`).sort();

  for (const name of ['ts-modules-shared-pool', 'ts-modules-calls']) {
    it(`${name}: the same findings with and without a tsconfig.json`, async () => {
      const root = folder(name);
      const syntaxOnly = (await analyzer()).analyzeProject(sourcesOf(root), { readFile: read(root) });
      const typed = (await analyzer()).analyzeProject(sourcesOf(root), { readFile: (p) => (p === 'tsconfig.json' ? '{ "compilerOptions": { "strict": true } }' : read(root)(p)) });
      assert.ok(typed.notes.some((n) => /type-aware/.test(n.message)), JSON.stringify(typed.notes));
      assert.ok(syntaxOnly.findings.length >= 4);
      assert.deepEqual(lines(root, typed.findings), lines(root, syntaxOnly.findings));
    });
  }

  it('ts-modules-injection: an injected service of another module is followed only with the types', async () => {
    const root = folder('ts-modules-injection');
    const typed = (await analyzer()).analyzeProject(sourcesOf(root), { readFile: read(root) });
    assert.deepEqual(lines(root, typed.findings), ['src/orders/orders.service.ts:19']);
    const syntaxOnly = (await analyzer()).analyzeProject(sourcesOf(root), { readFile: () => undefined });
    assert.equal(syntaxOnly.findings.length, 0);
  });

  it('ts-modules-paths: tsconfig paths and baseUrl (from an extended config) resolve; an unresolved import is a note', async () => {
    const root = folder('ts-modules-paths');
    const result = (await analyzer()).analyzeProject(sourcesOf(root), { readFile: read(root) });
    assert.deepEqual(lines(root, result.findings), ['src/modules/orders/ship.ts:11']);
    assert.ok(
      result.notes.some((n) => n.file === 'src/modules/orders/ship.ts' && /line 5: import not followed: .*`@\/services\/missing`/.test(n.message)),
      JSON.stringify(result.notes),
    );
    // Without the config, `@lib/db` is a package name like any other: nothing is guessed.
    const bare = (await analyzer()).analyzeProject(sourcesOf(root), { readFile: () => undefined });
    assert.equal(bare.findings.length, 0);
  });

  it('notes a relative import that matches no file of the run', async () => {
    const result = (await analyzer()).analyzeProject(
      [{ path: 'src/routes/a.ts', text: "import { pool } from '../db';\nimport express from 'express';\nexport const x = pool;\n" }],
      { readFile: () => undefined },
    );
    assert.deepEqual(
      result.notes.filter((n) => /import not followed/.test(n.message)).map((n) => n.message),
      ['line 1: import not followed: no file of the project matches `../db`'],
    );
  });
});
