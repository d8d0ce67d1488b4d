// Promises nobody waits for: the webhook is fired and forgotten (a statement of its own,
// `void`, or a dropped `.catch()` chain), so the transaction goes on without waiting for it.
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function notify(id) {
  await fetch(`https://hooks.example.com/orders/${id}`, { method: 'POST' });
}

export async function createOrder(order) {
  await db.transaction(async (trx) => {
    await trx('orders').insert(order);
    notify(order.id);
    void notify(order.id);
    notify(order.id).catch((error) => console.error(error));
    await trx('audit').insert({ order: order.id });
  });
}
