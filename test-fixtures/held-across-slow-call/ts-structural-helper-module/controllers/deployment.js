// A route of another module runs its handler through the helper and calls the provider's API
// inside it: reported at the helper's call, with the helper's transaction as related location.
import express from 'express';
import getDatabase from '../database/index.js';
import { transaction } from '../utils/transaction.js';

export const router = express.Router();

router.post('/deployments', async (req, res) => {
  const item = await transaction(getDatabase(), async (trx) => {
    await fetch('https://api.vercel.com/v2/user', { headers: { authorization: `Bearer ${req.body.token}` } }); // expect: held-across-slow-call "^Database transaction \(receiver not typed\) `trx` held across `fetch\(\)` in the callback that `transaction\(\)` runs with it"
    return trx('directus_deployments').insert({ provider: req.body.provider });
  });
  res.json({ data: item });
});

router.post('/deployments/:id/sync', async (req, res) => {
  await fetch(`https://api.vercel.com/v2/deployments/${req.params.id}`);
  await transaction(getDatabase(), async (trx) => trx('directus_deployments').where({ id: req.params.id }).update({ synced: true }));
  res.sendStatus(204);
});
