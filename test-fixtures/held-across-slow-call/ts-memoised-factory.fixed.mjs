// A factory that fetches the remote settings on every call: a transaction that calls it
// waits for the settings server each time.
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function fetchSettings() {
  const response = await fetch('https://config.example.com/settings.json');
  return response.json();
}

export async function saveOrder(order) {
  const { currency } = await fetchSettings(); // expect: held-across-slow-call
  await db.transaction(async (trx) => {
    await trx('orders').insert({ ...order, currency });
  });
}
