import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TsModuleResolver, tsConfigPathOptions } from '../../core/src';
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

  for (const name of ['ts-modules-shared-pool', 'ts-modules-calls', 'ts-modules-nested-helpers']) {
    it(`${name}: the same findings with and without a tsconfig.json`, async () => {
      const root = folder(name);
      const syntaxOnly = (await analyzer()).analyzeProject(sourcesOf(root), { readFile: read(root) });
      const typed = (await analyzer()).analyzeProject(sourcesOf(root), { readFile: (p) => (p === 'tsconfig.json' ? '{ "compilerOptions": { "strict": true } }' : read(root)(p)) });
      assert.ok(typed.notes.some((n) => /type-aware/.test(n.message)), JSON.stringify(typed.notes));
      assert.ok(syntaxOnly.findings.length >= (name === 'ts-modules-nested-helpers' ? 3 : 4));
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

  it('reads modules the given files import but that were not given through the host, without reporting in them', async () => {
    const root = folder('ts-modules-commonjs');
    const given = sourcesOf(root).filter((f) => f.path === 'services/posts.js');
    const result = (await analyzer()).analyzeProject(given, { readFile: read(root) });
    // posts.js → data/db/index.js → (getter) data/db/connection.js → lib/config.js, and lib/webhooks.js.
    assert.deepEqual(lines(root, result.findings), ['services/posts.js:16', 'services/posts.js:9']);
    assert.ok(!result.notes.some((n) => /import not followed/.test(n.message)), JSON.stringify(result.notes));
    const alone = (await analyzer()).analyzeProject(given, { readFile: () => undefined });
    assert.equal(alone.findings.length, 0);
    assert.equal(alone.notes.filter((n) => /import not followed/.test(n.message)).length, 2);
  });

  it('reads `paths` from a jsconfig.json in a JavaScript project (which stays syntax-only)', async () => {
    const db = "const { Pool } = require('pg');\nmodule.exports = { pool: new Pool() };\n";
    const route = [
      "const { pool } = require('~/lib/db');",
      'async function pay(id) {',
      '  const client = await pool.connect();',
      "  try { await fetch('https://psp.example.com/' + id); } finally { client.release(); }",
      '}',
      'module.exports = { pay };',
    ].join('\n');
    const jsconfig = '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["src/*"] } } }';
    const result = (await analyzer()).analyzeProject(
      [
        { path: 'src/lib/db.js', text: db },
        { path: 'src/routes/pay.js', text: route },
      ],
      { readFile: (p) => (p === 'jsconfig.json' ? jsconfig : undefined) },
    );
    assert.deepEqual(result.findings.map((f) => `${f.span.file}:${f.rule}`), ['src/routes/pay.js:held-across-slow-call']);
    assert.ok(!result.notes.some((n) => /type-aware/.test(n.message)));
  });

  it('follows objects that spread themselves or each other without running out of stack', async () => {
    const text = [
      "import { helpers } from './helpers';",
      'let options = { retries: 1 };',
      'options = { ...options, retries: 2 };',
      'const a = { ...b, name: 1 };',
      'const b = { ...a };',
      'export async function run() {',
      '  await options.load();',
      '  await a.load();',
      '  await helpers.load();',
      '}',
    ].join('\n');
    const helpers = "import { run } from './main';\nexport let helpers = { run };\nhelpers = { ...helpers, ...helpers };\n";
    const result = (await analyzer()).analyzeProject(
      [{ path: 'src/main.ts', text }, { path: 'src/helpers.ts', text: helpers }],
      { readFile: () => undefined },
    );
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.findings, []);
  });

  it('notes a relative import that matches no file of the run, not a style sheet or a package', async () => {
    const result = (await analyzer()).analyzeProject(
      [{ path: 'src/routes/a.ts', text: "import { pool } from '../db';\nimport express from 'express';\nimport './a.css';\nexport const x = pool;\n" }],
      { readFile: () => undefined },
    );
    assert.deepEqual(
      result.notes.filter((n) => /import not followed/.test(n.message)).map((n) => n.message),
      ['line 1: import not followed: no file of the project matches `../db`'],
    );
  });

  it('does not note a require of a JSON data file', async () => {
    const text = "const defaults = require('./defaults');\nconst { pool } = require('./db');\nmodule.exports = { defaults, pool };\n";
    const result = (await analyzer()).analyzeProject([{ path: 'config/index.js', text }], {
      readFile: (p) => (p === 'config/defaults.json' ? '{ "port": 2368 }' : undefined),
    });
    assert.deepEqual(
      result.notes.filter((n) => /import not followed/.test(n.message)).map((n) => n.message),
      ['line 2: import not followed: no file of the project matches `./db`'],
    );
  });
});

describe('TypeScript module resolution', () => {
  const files = ['src/db.ts', 'src/db/index.ts', 'src/lib/pool.ts', 'src/services/index.js', 'src/legacy.cjs', 'lib/util.mts'];
  const config = { dir: '.', baseUrl: '.', paths: { '@/*': ['src/*'], '@lib/*': ['src/lib/*'], '@pool': ['src/lib/pool'] } };
  const resolver = new TsModuleResolver(files, (file) => (file.startsWith('src/') ? config : undefined));

  it('resolves relative specifiers with TypeScript extensions, `.js` for `.ts`, and folder index files', () => {
    assert.equal(resolver.resolve('src/routes/a.ts', '../db'), 'src/db.ts');
    assert.equal(resolver.resolve('src/routes/a.ts', '../db.js'), 'src/db.ts');
    assert.equal(resolver.resolve('src/routes/a.ts', '../db/index.js'), 'src/db/index.ts');
    assert.equal(resolver.resolve('src/routes/a.ts', '../services'), 'src/services/index.js');
    assert.equal(resolver.resolve('src/a.ts', './legacy.cjs'), 'src/legacy.cjs');
    assert.equal(resolver.resolve('src/a.ts', '../lib/util.mjs'), 'lib/util.mts');
    assert.equal(resolver.resolve('src/routes/a.ts', '../missing'), undefined);
  });

  it('resolves a folder written with a trailing slash or as `.`/`..` to its index file', () => {
    assert.equal(resolver.resolve('src/services/a.ts', './'), 'src/services/index.js');
    assert.equal(resolver.resolve('src/services/deep/a.ts', '../'), 'src/services/index.js');
    assert.equal(resolver.resolve('src/services/deep/a.ts', '..'), 'src/services/index.js');
    assert.equal(resolver.resolve('src/db/x.ts', '.'), 'src/db/index.ts');
    assert.equal(resolver.resolve('src/routes/a.ts', './'), undefined);
  });

  it('follows `paths` (exact keys and the longest prefix first) and `baseUrl`, never guessing a package', () => {
    assert.equal(resolver.resolve('src/routes/a.ts', '@/db'), 'src/db.ts');
    assert.equal(resolver.resolve('src/routes/a.ts', '@lib/pool'), 'src/lib/pool.ts');
    assert.equal(resolver.resolve('src/routes/a.ts', '@pool'), 'src/lib/pool.ts');
    assert.equal(resolver.resolve('src/routes/a.ts', 'src/db'), 'src/db.ts');
    assert.equal(resolver.resolve('src/routes/a.ts', 'pg'), undefined);
    // A file outside the config's reach resolves only relative specifiers.
    assert.equal(resolver.resolve('lib/x.ts', '@/db'), undefined);
    assert.equal(resolver.isProjectSpecifier('src/a.ts', '@/nowhere'), true);
    assert.equal(resolver.isProjectSpecifier('src/a.ts', 'express'), false);
    assert.equal(resolver.isProjectSpecifier('src/a.ts', './logo.svg'), false);
  });

  it('reads baseUrl, paths and extends from a tsconfig with comments', () => {
    assert.deepEqual(tsConfigPathOptions('{ // base\n "extends": "./base.json", "compilerOptions": { "baseUrl": "src", "paths": { "~/*": ["*"] } } }'), {
      baseUrl: 'src',
      paths: { '~/*': ['*'] },
      extends: './base.json',
    });
    assert.deepEqual(tsConfigPathOptions('not json'), {});
  });
});
