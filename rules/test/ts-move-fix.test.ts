import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzer, fixturesRoot } from './support';

/**
 * The TypeScript fix that runs slow work before the resource is acquired
 * (`rules/src/fixes/move-slow-work.ts`): which finding of `ts-fix-move-slow-work.ts` gets which
 * kind of fix (the golden files show what the applied ones do), and why the others get none.
 */
describe('moving slow work before the acquire (TypeScript)', () => {
  const file = 'ts-fix-move-slow-work.ts';
  const text = fs.readFileSync(path.join(fixturesRoot, 'held-across-slow-call', file), 'utf8');

  async function fixesByFunction(): Promise<Map<string, string[]>> {
    const result = (await analyzer()).analyzeProject([{ path: file, text }]);
    const byFunction = new Map<string, string[]>();
    for (const finding of result.findings) {
      const before = text.slice(0, finding.span.start);
      const name = /export async function (\w+)/g;
      let last = '';
      for (let m = name.exec(before); m; m = name.exec(before)) last = m[1]!;
      const kinds = finding.fixes.filter((f) => !f.title.startsWith('Ignore this finding')).map((f) => `${f.applicability}: ${f.title}`);
      byFunction.set(last, kinds);
    }
    return byFunction;
  }

  it('offers safe, unsafe and display-only moves where each applies, and none where the work depends on the region', async () => {
    const fixes = await fixesByFunction();
    const kind = (name: string): string[] => (fixes.get(name) ?? ['(no finding)']).map((f) => f.slice(0, f.indexOf(':')));
    assert.deepEqual(kind('first'), ['safe']);
    assert.deepEqual(kind('inCallback'), ['safe']);
    assert.deepEqual(kind('afterQuery'), ['unsafe']);
    assert.deepEqual(kind('caught'), ['unsafe']);
    assert.deepEqual(kind('dependent'), []);
    // Not moved; the pooled client is released around the sleep instead (ts-reacquire.test.ts).
    assert.deepEqual(kind('inBranch'), ['unsafe']);
    assert.deepEqual(kind('locked'), ['display-only']);
    assert.match(fixes.get('inCallback')![0]!, /out of the callback that holds `trx`/);
    assert.match(fixes.get('afterQuery')![0]!, /if that one fails or returns early, the slow work has already happened/);
    assert.match(fixes.get('caught')![0]!, /no longer reaches the `catch` or `finally`/);
    assert.match(fixes.get('locked')![0]!, /not applied: a lock is often there to serialise this very work/);
  });
});
