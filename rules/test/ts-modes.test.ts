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
