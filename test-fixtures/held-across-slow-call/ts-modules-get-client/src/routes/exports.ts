// Routes take a client from the data layer's helpers (imported, and through the module object).
import { Router } from 'express';
import * as db from '../db';
import { checkout, getClient, query } from '../db';

export const exportsRouter = Router();

exportsRouter.post('/exports/:id', async (req, res) => {
  const client = await getClient();
  try {
    const { rows } = await client.query('SELECT * FROM orders WHERE account_id = $1', [req.params.id]);
    await fetch('https://warehouse.example.com/imports', { method: 'POST', body: JSON.stringify(rows) }); // expect: held-across-slow-call "`client` held across `fetch\(\)`"
  } finally {
    client.release();
  }
  res.sendStatus(202);
});

exportsRouter.post('/exports/:id/retry', async (req, res) => {
  const client = await db.checkout();
  try {
    await client.query('UPDATE exports SET attempts = attempts + 1 WHERE id = $1', [req.params.id]);
    await new Promise((resolve) => setTimeout(resolve, 5000)); // expect: held-across-slow-call "`client` held across `setTimeout\(\)`"
  } finally {
    client.release();
  }
  res.sendStatus(202);
});

// Clean: the warehouse is called after the client is back in the pool, or with no client at all.
exportsRouter.post('/exports/:id/send', async (req, res) => {
  const client = await checkout();
  let rows: unknown[];
  try {
    rows = (await client.query('SELECT * FROM orders WHERE account_id = $1', [req.params.id])).rows;
  } finally {
    client.release();
  }
  await fetch('https://warehouse.example.com/imports', { method: 'POST', body: JSON.stringify(rows) });
  const { rows: status } = await query('SELECT state FROM exports WHERE id = $1', [req.params.id]);
  await fetch('https://warehouse.example.com/status', { method: 'POST', body: JSON.stringify(status) });
  res.sendStatus(202);
});
