// Clean counterpart of corpus-ts-transaction-helper-parameter.mjs: the provider's credentials
// are tested before the transaction helper runs the insert.
import express from 'express';
import knex from 'knex';

const database = knex({ client: 'pg', connection: process.env.DATABASE_URL });
export const router = express.Router();

const transaction = async (knex$1, handler) => {
  if (knex$1.isTransaction) return handler(knex$1);
  return await knex$1.transaction((trx) => handler(trx));
};

router.post('/deployments', async (req, res) => {
  await fetch('https://api.vercel.com/v2/user', { headers: { authorization: `Bearer ${req.body.credentials.token}` } });
  const item = await transaction(database, async (trx) => {
    const [id] = await trx('directus_deployments').insert({ provider: req.body.provider }).returning('id');
    return id;
  });
  res.json({ data: item });
});
