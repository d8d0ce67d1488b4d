// The retry loop and its sleep run only when the caller passes `retries`: these callers leave
// the options out, or pass an object literal without `retries`, so nothing slow runs while
// their transaction is open (the positive twin is `ts-option-arguments.ts`). Also the
// `options?.retries` form with an optional parameter.
import knex, { type Knex } from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

interface FindOptions {
  retries?: number;
  delayMs?: number;
  columns?: string[];
}

async function findOrder(trx: Knex.Transaction, id: string, options: FindOptions = {}) {
  const { retries, delayMs } = options;
  if (retries == null || retries <= 0) {
    return trx('orders').where({ id }).first();
  }
  for (let attempt = 0; attempt < retries; attempt++) {
    const row = await trx('orders').where({ id }).first();
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, delayMs ?? 25));
  }
  return undefined;
}

async function findCustomer(trx: Knex.Transaction, id: string, options?: FindOptions) {
  if (!options?.retries) return trx('customers').where({ id }).first();
  await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 25));
  return trx('customers').where({ id }).first();
}

export async function cancelOrder(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    const order = await findOrder(trx, id);
    await trx('orders').where({ id: order.id }).update({ cancelled: true });
  });
}

export async function shipOrder(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    const order = await findOrder(trx, id, { columns: ['id', 'state'] });
    await trx('shipments').insert({ order: order.id });
  });
}

export async function greetCustomer(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    const customer = await findCustomer(trx, id);
    await trx('greetings').insert({ customer: customer.id });
  });
}
