// @directus/api 39.2.1 (dist/utils/transaction.js, dist/controllers/deployment.js): the project's
// `transaction(knex, handler)` helper opens the transaction on the knex instance it is given
// as a parameter and runs the handler with it. `POST /deployments` tests the provider's
// credentials over HTTP inside that handler. Missed by the review's engine (a672f76): the
// transaction is opened on a parameter of the helper (JavaScript, no type). Now
// `knex$1.transaction((trx) => handler(trx))` is recognised by shape, and the helper runs its
// `handler` parameter inside it; as for every such helper (`withClient(fn)`), the finding is
// reported at the call of the helper whose callback does the slow work.
import express from 'express';
import knex from 'knex';

const database = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export const router = express.Router();

const transaction = async (knex$1, handler) => {
  if (knex$1.isTransaction) return handler(knex$1);
  return await knex$1.transaction((trx) => handler(trx));
};

router.post('/deployments', async (req, res) => {
  const item = await transaction(database, async (trx) => {
    const [id] = await trx('directus_deployments').insert({ provider: req.body.provider }).returning('id');
    await fetch('https://api.vercel.com/v2/user', { headers: { authorization: `Bearer ${req.body.credentials.token}` } }); // expect: held-across-slow-call "`fetch\(\)` in the callback that `transaction\(\)` runs with it"
    return id;
  });
  res.json({ data: item });
});
