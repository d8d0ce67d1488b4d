// Slow work that runs only after an exception was caught (reporting a failed insert to an
// error service) keeps the transaction open only when the insert fails: `info`, said so. The
// same call on the main path is a warning.
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function reportFailure(error: unknown): Promise<void> {
  await fetch('https://errors.example.com/report', { method: 'POST', body: String(error) });
}

export async function createOrder(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    try {
      await trx('orders').insert({ id });
    } catch (error) {
      await reportFailure(error); // expect: held-across-slow-call@info "only on an error path, after an exception is caught"
      throw error;
    }
  });
}

export async function createInvoice(id: string): Promise<void> {
  await fetch(`https://pdf.example.com/render/${id}`, { method: 'POST' }); // expect: held-across-slow-call@warning
  await db.transaction(async (trx) => {
    await trx('invoices').insert({ id });
  });
}
