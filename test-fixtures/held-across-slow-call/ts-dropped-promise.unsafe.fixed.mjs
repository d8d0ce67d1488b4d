// The transaction waits for the webhook: `notify()` is awaited inside it.
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function notify(id) {
  await fetch(`https://hooks.example.com/orders/${id}`, { method: 'POST' });
}

export async function createOrder(order) {
  await notify(order.id); // expect: held-across-slow-call
  await db.transaction(async (trx) => {
    await trx('orders').insert(order);
    await trx('audit').insert({ order: order.id });
  });
}
