import express from 'express';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const app = express();

async function fetchRates(currency: string): Promise<number> {
  const response = await fetch(`https://rates.internal/${currency}`);
  return (await response.json()).rate;
}

// The rate is fetched before the transaction starts.
app.post('/wallets/:id/convert', async (req, res) => {
  const { currency } = await db('wallets').where({ id: req.params.id }).first();
  const rate = await fetchRates(currency);
  await db.transaction(async (trx) => {
    const wallet = await trx('wallets').where({ id: req.params.id }).forUpdate().first();
    await trx('wallets').where({ id: wallet.id }).update({ balance: wallet.balance * rate });
  });
  res.sendStatus(204);
});

// Committed (or rolled back) before the notification.
export async function settle(batchId: string): Promise<void> {
  const trx = await db.transaction();
  try {
    await trx('batches').where({ id: batchId }).update({ state: 'settled' });
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
  await fetch(`https://ledger.internal/batches/${batchId}/settled`, { method: 'POST' });
}
