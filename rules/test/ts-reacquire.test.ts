import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import { analyzer, fixturesRoot } from './support';

/**
 * The fix that releases a pooled client before slow work and acquires a new one after it
 * (`core/src/fix/ts-reacquire.ts`, `rules/src/fixes/reacquire-client.ts`):
 * - which function of `ts-fix-reacquire-client.ts` gets which kind of fix, and why the others
 *   get none;
 * - the functions of its golden file run against a fake pool that counts the clients checked
 *   out and throws on a second release (as `pg` does; mysql2 would hand one connection to two
 *   requests): with the fix, no client is held during the slow call, every client is released
 *   exactly once, also when the slow call fails and when acquiring the new client fails, and
 *   the code after the slow call runs on a held client. The original holds one during the call.
 */
const FIXTURE = 'ts-fix-reacquire-client.ts';
const folder = path.join(fixturesRoot, 'held-across-slow-call');
const original = fs.readFileSync(path.join(folder, FIXTURE), 'utf8');
const fixed = fs.readFileSync(path.join(folder, 'ts-fix-reacquire-client.unsafe.fixed.ts'), 'utf8');

class FakePool {
  held = 0;
  doubleReleases = 0;
  queriesOnReleased = 0;
  /** The acquires still to succeed before one fails (Infinity: none fails). */
  acquiresBeforeFailure = Infinity;
  queries: string[] = [];

  private acquire(): Promise<FakeClient> {
    if (this.acquiresBeforeFailure-- <= 0) return Promise.reject(new Error('pool exhausted'));
    this.held++;
    return Promise.resolve(new FakeClient(this));
  }
  connect(): Promise<FakeClient> {
    return this.acquire();
  }
  getConnection(): Promise<FakeClient> {
    return this.acquire();
  }
}

class FakeClient {
  private released = false;
  constructor(private readonly pool: FakePool) {}
  query(sql: string): Promise<unknown> {
    if (this.released) this.pool.queriesOnReleased++;
    this.pool.queries.push(sql);
    const rows = [{ id: '1', avatar: 'a.png', url: 'https://hooks.example.com/1', callback_url: 'https://hooks.example.com/cb', total: 5 }];
    // pg answers `{ rows }`, mysql2 `[rows, fields]`: this answer is both.
    return Promise.resolve(Object.assign([rows, []], { rows }));
  }
  release(): void {
    if (this.released) {
      this.pool.doubleReleases++;
      throw new Error('Release called on client which has already been released to the pool.');
    }
    this.released = true;
    this.pool.held--;
  }
}

interface Run {
  readonly pool: FakePool;
  /** Clients held by the pool each time the slow call started. */
  readonly heldDuringSlowCall: number[];
  readonly error?: Error;
}

/** Runs one exported function of the (transpiled) module with a fresh fake pool and `fetch`. */
async function run(source: string, name: string, args: unknown[], options: { fetchFails?: boolean; acquiresBeforeFailure?: number } = {}): Promise<Run> {
  const pool = new FakePool();
  const heldDuringSlowCall: number[] = [];
  const modules: Record<string, unknown> = {
    pg: { Pool: function Pool() { return pool; } },
    'mysql2/promise': { __esModule: true, default: { createPool: () => pool } },
  };
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const module = { exports: {} as Record<string, (...a: unknown[]) => Promise<unknown>> };
  const fetch = (): Promise<unknown> => {
    heldDuringSlowCall.push(pool.held);
    if (pool.acquiresBeforeFailure === Infinity && options.acquiresBeforeFailure !== undefined) pool.acquiresBeforeFailure = options.acquiresBeforeFailure;
    return options.fetchFails ? Promise.reject(new Error('fetch failed')) : Promise.resolve({ ok: true, json: async () => ({}) });
  };
  vm.runInNewContext(js, { module, exports: module.exports, require: (id: string) => modules[id], fetch, process: { env: {} }, Promise, JSON, Object, Error });
  try {
    await module.exports[name]!(...args);
    return { pool, heldDuringSlowCall };
  } catch (error) {
    return { pool, heldDuringSlowCall, error: error as Error };
  }
}

describe('releasing a pooled client around slow work (TypeScript)', () => {
  it('offers the fix where it is correct, display-only in a transaction or where a handler uses the client, and none where it cannot be made correct', async () => {
    const result = (await analyzer()).analyzeProject([{ path: FIXTURE, text: original }]);
    const byFunction = new Map<string, string[]>();
    for (const finding of result.findings) {
      const before = original.slice(0, finding.span.start);
      const name = before.lastIndexOf('export async function ');
      const fn = original.slice(name + 'export async function '.length, original.indexOf('(', name));
      byFunction.set(fn, finding.fixes.filter((f) => !f.title.startsWith('Ignore this finding')).map((f) => `${f.applicability}: ${f.title}`));
    }
    const kinds = (fn: string): string[] => (byFunction.get(fn) ?? ['(no finding)']).map((f) => f.slice(0, f.indexOf(':')));
    assert.deepEqual(kinds('profileOf'), ['unsafe']);
    assert.deepEqual(kinds('touch'), ['unsafe']);
    assert.deepEqual(kinds('exportRows'), ['unsafe']);
    assert.deepEqual(kinds('pingAll'), ['unsafe']);
    assert.deepEqual(kinds('chargeOrder'), ['display-only']);
    assert.deepEqual(kinds('notify'), ['display-only']);
    assert.deepEqual(kinds('audited'), []);
    assert.deepEqual(kinds('each'), []);
    assert.match(byFunction.get('profileOf')![0]!, /session state/);
    assert.match(byFunction.get('chargeOrder')![0]!, /Split the transaction .*\(not applied: the first half commits before the slow work/);
    assert.match(byFunction.get('notify')![0]!, /not applied: a `catch` or `finally` uses `client` for more than releasing it/);
  });

  it('the original holds a client during the slow call', async () => {
    for (const [name, args] of [['profileOf', ['1']], ['touch', ['1']], ['exportRows', ['1', false]], ['pingAll', [['1', '2']]]] as const) {
      const before = await run(original, name, [...args]);
      assert.equal(before.error, undefined, `${name}: ${before.error?.message}`);
      assert.ok(before.heldDuringSlowCall.every((held) => held === 1), `${name} holds its client during the call`);
    }
  });

  it('the fixed code holds no client during the slow call, releases each once, and runs the rest on a held client', async () => {
    for (const [name, args] of [['profileOf', ['1']], ['touch', ['1']], ['exportRows', ['1', false]], ['exportRows', ['1', true]], ['pingAll', [['1', '2', '3']]]] as const) {
      const after = await run(fixed, name, [...args]);
      assert.equal(after.error, undefined, `${name}: ${after.error?.message}`);
      assert.ok(after.heldDuringSlowCall.every((held) => held === 0), `${name} holds a client during the call: ${after.heldDuringSlowCall}`);
      assert.equal(after.pool.held, 0, `${name} leaves a client checked out`);
      assert.equal(after.pool.doubleReleases, 0, `${name} releases a client twice`);
      assert.equal(after.pool.queriesOnReleased, 0, `${name} queries a released client`);
    }
    assert.equal((await run(fixed, 'pingAll', [['1', '2', '3']])).heldDuringSlowCall.length, 3);
  });

  it('when the slow call fails, or acquiring the new client fails, the error is the real one and no client is released twice', async () => {
    for (const name of ['profileOf', 'exportRows', 'pingAll']) {
      const args = name === 'pingAll' ? [['1', '2']] : ['1', false];
      const failed = await run(fixed, name, args, { fetchFails: true });
      assert.equal(failed.error?.message, 'fetch failed', name);
      assert.equal(failed.pool.held, 0, `${name} leaves a client checked out when the call fails`);
      assert.equal(failed.pool.doubleReleases, 0, `${name} releases twice when the call fails`);
    }
    for (const name of ['profileOf', 'pingAll']) {
      const args = name === 'pingAll' ? [['1', '2']] : ['1'];
      const noClient = await run(fixed, name, args, { acquiresBeforeFailure: 0 });
      assert.equal(noClient.error?.message, 'pool exhausted', name);
      assert.equal(noClient.pool.held, 0, `${name} leaves a client checked out when the new acquire fails`);
      assert.equal(noClient.pool.doubleReleases, 0, `${name} releases twice when the new acquire fails`);
    }
  });
});
