import * as assert from 'node:assert/strict';
import { createAnalyzer } from '../src/analyzer';
import { loadGrammarBytes } from '../src/node-runtime';

/**
 * Koa middleware chains (`core/src/lower/ts/middleware-chains.ts`): each middleware registered
 * before a route is called with its `next` bound to the route's handler. The findings are
 * checked by the fixtures `held-across-slow-call/ts-middleware-transaction*`; here, the bound
 * on middleware-and-route pairs per function, which must say when it cuts.
 */
function koaApp(middlewares: number, routes: number): string {
  const lines = ["import Koa from 'koa';", "import { Pool } from 'pg';", 'const pool = new Pool();', 'const app = new Koa();'];
  for (let i = 0; i < middlewares; i++) lines.push('app.use(async (ctx, next) => { const client = await pool.connect(); try { await next(); } finally { client.release(); } });');
  for (let i = 0; i < routes; i++) lines.push(`app.get('/r${i}', async (ctx) => { ctx.body = ${i}; });`);
  lines.push("app.get('/slow', async (ctx) => { ctx.body = await fetch('https://example.com/slow'); });");
  return lines.join('\n') + '\n';
}

describe('Koa middleware chains', () => {
  it('follows every middleware before a route while the pairs stay under the bound', async () => {
    const analyzer = await createAnalyzer(await loadGrammarBytes());
    const result = analyzer.analyzeProject([{ path: 'server.ts', text: koaApp(2, 10) }]);
    assert.deepEqual(result.errors, []);
    // The slow route's fetch() is held by each middleware's client.
    const held = result.findings.filter((f) => f.rule === 'held-across-slow-call' && f.message.startsWith('Pooled client'));
    assert.ok(held.length >= 1, JSON.stringify(result.findings.map((f) => f.message)));
  });

  it('says where it stops following middleware past the bound', async () => {
    const analyzer = await createAnalyzer(await loadGrammarBytes());
    const result = analyzer.analyzeProject([{ path: 'server.ts', text: koaApp(2, 1000) }]);
    const cut = result.errors.filter((e) => e.message.includes('middleware-and-route pairs'));
    assert.equal(cut.length, 1, JSON.stringify(result.errors));
    // 2 middlewares: the second's registration is 1 pair, each route 2; the 1000th route (line 1006) passes the bound.
    assert.match(cut[0]!.message, /^line 1006: more than 2000 middleware-and-route pairs in one function/);
  });
});
