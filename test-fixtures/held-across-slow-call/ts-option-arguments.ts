// A helper that retries with a sleep between attempts only when its caller asks for retries
// (`options.retries`): the sleep holds the caller's transaction only for the callers that
// pass `retries` (or options the analysis cannot see). Callers that leave the options out, or
// pass an object literal without `retries`, never reach the loop (`ts-option-arguments.ok.ts`).
// A `const options` of a loop's body is another variable: its test says nothing of the
// parameter, whose caller left it out (`findInvoice`).
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
    await new Promise((resolve) => setTimeout(resolve, delayMs ?? 25)); // expect: held-across-slow-call@warning "Reached from 2 call sites"
  }
  return undefined;
}

export async function settleOrder(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    const order = await findOrder(trx, id, { retries: 5 });
    await trx('orders').where({ id: order.id }).update({ settled: true });
  });
}

export async function refundOrder(id: string, options: FindOptions): Promise<void> {
  await db.transaction(async (trx) => {
    const order = await findOrder(trx, id, options);
    await trx('orders').where({ id: order.id }).update({ refunded: true });
  });
}

async function findInvoice(trx: Knex.Transaction, id: string, options: FindOptions = {}) {
  for (const retries of [1, 2]) {
    const options = { retries };
    if (options.retries == null) return trx('invoices').where({ id }).first();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return trx('invoices').where({ id }).first();
}

export async function voidInvoice(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    const invoice = await findInvoice(trx, id); // expect: held-across-slow-call@warning "findInvoice"
    await trx('invoices').where({ id: invoice.id }).update({ void: true });
  });
}
