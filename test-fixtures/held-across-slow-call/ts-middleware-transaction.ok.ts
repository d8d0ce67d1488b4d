import Koa from 'koa';
import Router from '@koa/router';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const app = new Koa();
const router = new Router();

async function chargeCard(orderId: string): Promise<void> {
  await fetch(`https://payments.example/charge/${orderId}`, { method: 'POST' });
}

// The slow route is registered before the transaction middleware: it runs without it.
router.post('/orders/:id/pay', async (ctx) => {
  await chargeCard(ctx.params.id);
  ctx.status = 204;
});
app.use(router.routes());

// A middleware that commits before it calls next(): the routes behind it hold nothing.
app.use(async (ctx, next) => {
  await db.transaction(async (trx) => {
    await trx('visits').insert({ path: ctx.path });
  });
  await next();
});

// A middleware that awaits next() with nothing held.
app.use(async (ctx, next) => {
  const started = Date.now();
  await next();
  ctx.set('x-response-time', String(Date.now() - started));
});

const slow = new Router();
slow.get('/rates', async (ctx) => {
  ctx.body = await (await fetch('https://rates.example/today')).json();
});
app.use(slow.routes());
