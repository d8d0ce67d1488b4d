import express from 'express';
import knex from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const app = express();

async function fetchRates(currency: string): Promise<number> {
  const response = await fetch(`https://rates.internal/${currency}`);
  return (await response.json()).rate;
}

// Callback form: knex commits when the callback returns.
app.post('/wallets/:id/convert', async (req, res) => {
  await db.transaction(async (trx) => {
    const wallet = await trx('wallets').where({ id: req.params.id }).forUpdate().first();
    const rate = await fetchRates(wallet.currency); // expect: held-across-slow-call "^knex transaction `trx` held across `fetchRates\(\)`, which reaches `fetch\(\)`.*: it keeps a database connection and its locks; other requests wait"
    await trx('wallets').where({ id: wallet.id }).update({ balance: wallet.balance * rate });
  });
  res.sendStatus(204);
});

// Handle form: `await db.transaction()` … `trx.commit()`; the retry sleeps with the rows locked.
export async function settle(batchId: string): Promise<void> {
  await sleep(2000); // expect: held-across-slow-call "^knex transaction `trx` held across `sleep\(\)`"
  const trx = await db.transaction();
  try {
    await trx('batches').where({ id: batchId }).update({ state: 'settling' });
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}
