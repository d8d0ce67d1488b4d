// The pool comes from a getter function of another module.
import { Router } from 'express';
import { getPool } from '../db/lazy';

export const webhooks = Router();

webhooks.post('/webhooks/shipments', async (req, res) => {
  const client = await getPool().connect();
  try {
    await client.query('UPDATE shipments SET state = $1 WHERE id = $2', [req.body.state, req.body.id]);
    await fetch('https://crm.example.com/hooks/shipment', { method: 'POST', body: JSON.stringify(req.body) }); // expect: held-across-slow-call
  } finally {
    client.release();
  }
  res.sendStatus(204);
});

// Clean: the pool answers the query itself; no client is held across the call.
webhooks.post('/webhooks/shipments/forward', async (req, res) => {
  const pool = getPool();
  await pool.query('UPDATE shipments SET state = $1 WHERE id = $2', [req.body.state, req.body.id]);
  await fetch('https://crm.example.com/hooks/shipment', { method: 'POST', body: JSON.stringify(req.body) });
  res.sendStatus(204);
});
