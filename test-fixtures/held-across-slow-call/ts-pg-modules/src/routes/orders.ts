import { Router } from 'express';
import { withTransaction } from '../db.js';
import { chargeCustomer } from '../services/billing';

export const orders = Router();

// The charge runs inside the transaction: the client and the order row stay locked meanwhile.
orders.post('/orders/:id/pay', async (req, res) => {
  const chargeId = await withTransaction(async (client) => {
    const { rows } = await client.query('SELECT customer_id, total FROM orders WHERE id = $1 FOR UPDATE', [req.params.id]);
    const id = await chargeCustomer(rows[0].customer_id, rows[0].total); // expect: held-across-slow-call "in the callback that `withTransaction\(\)` runs with it"
    await client.query('UPDATE orders SET charge_id = $1 WHERE id = $2', [id, req.params.id]);
    return id;
  });
  res.json({ chargeId });
});

// The clean form: charge first, then record it in a short transaction.
orders.post('/orders/:id/pay-then-record', async (req, res) => {
  const { customerId, total } = req.body as { customerId: string; total: number };
  const chargeId = await chargeCustomer(customerId, total);
  await withTransaction(async (client) => {
    await client.query('UPDATE orders SET charge_id = $1 WHERE id = $2', [chargeId, req.params.id]);
  });
  res.json({ chargeId });
});
