import Koa from 'koa';
import Router from '@koa/router';
import knex from 'knex';
import { Pool } from 'pg';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const pool = new Pool();
const app = new Koa();
const router = new Router();

// A request-scoped transaction: every route behind this middleware runs inside it, so slow work
// in a route handler holds the transaction's connection and locks.
app.use(async (ctx, next) => {
  // Reported once more at the middleware's next(): the routes behind it pass it slow work.
  await db.transaction(async (trx) => { // expect: held-across-slow-call "^knex transaction `trx` held across `next\(\)`, which runs its callers' callbacks: 2 callers pass it slow work"
    ctx.state.trx = trx;
    await next();
  });
});

async function chargeCard(orderId: string): Promise<void> {
  await fetch(`https://payments.example/charge/${orderId}`, { method: 'POST' });
}

router.post('/orders/:id/pay', async (ctx) => {
  await ctx.state.trx('orders').where({ id: ctx.params.id }).update({ state: 'paying' });
  await chargeCard(ctx.params.id); // expect: held-across-slow-call "^knex transaction `trx` held across `chargeCard\(\)`, which reaches `fetch\(\)`"
  ctx.status = 204;
});

// A named middleware given before the handler in the same registration.
async function withClient(ctx: Koa.Context, next: Koa.Next): Promise<void> {
  const client = await pool.connect();
  try {
    ctx.state.client = client;
    await next();
  } finally {
    client.release();
  }
}

// /rates is behind both the app's transaction middleware and withClient: both are held across
// the one fetch, one finding for it (naming the other).
router.get('/rates', withClient, async (ctx) => {
  ctx.body = await (await fetch('https://rates.example/today')).json(); // expect: held-across-slow-call "^knex transaction `trx` held across `fetch\(\)`.*Also held across the same call: Pooled client \(one finding for both"
});

app.use(router.routes());
