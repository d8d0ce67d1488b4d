// Routes calling services of other modules while a pooled client is held.
import { Router } from 'express';
import { withClient, withLockedOrder } from '../db/client';
import { billing, BillingService, notify } from '../services';
import audit from '../services/audit';

export const orders = Router();

orders.post('/orders/:id/pay', async (req, res) => {
  const chargeId = await withClient(async (client) => {
    const { rows } = await client.query('SELECT customer_id, total FROM orders WHERE id = $1', [req.params.id]);
    return billing.charge(rows[0].customer_id, rows[0].total);
  });
  res.json({ chargeId });
});

orders.post('/orders/:id/ship', async (req, res) => {
  await withLockedOrder(req.params.id, async () => {
    await notify(req.body.userId, 'Your order has shipped'); // expect: held-across-slow-call
  });
  res.sendStatus(204);
});

orders.post('/orders/:id/refund', async (req, res) => {
  await withClient(async (client) => {
    await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['refunded', req.params.id]);
    await BillingService.refund(req.body.chargeId); // expect: held-across-slow-call
  });
  res.sendStatus(204);
});

orders.post('/orders/:id/retry', async (req, res) => {
  await withClient(async (client) => {
    await client.query('UPDATE orders SET attempts = attempts + 1 WHERE id = $1', [req.params.id]);
    await new BillingService().charge(req.body.customerId, req.body.total);
  });
  res.sendStatus(204);
});

orders.post('/orders/:id/cancel', async (req, res) => {
  await withClient(async (client) => {
    await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['cancelled', req.params.id]);
    await audit(`order ${req.params.id} cancelled`); // expect: held-across-slow-call
  });
  res.sendStatus(204);
});

// Clean: the provider is called first; the helpers hold the client for database work only.
orders.post('/orders/:id/pay-then-record', async (req, res) => {
  const chargeId = await billing.charge(req.body.customerId, req.body.total);
  await withClient(async (client) => {
    await client.query('UPDATE orders SET charge_id = $1 WHERE id = $2', [chargeId, req.params.id]);
  });
  await audit(`order ${req.params.id} paid`);
  await withLockedOrder(req.params.id, async () => {
    await withClient((client) => client.query('UPDATE customers SET last_paid_at = now() WHERE id = $1', [req.body.customerId]));
  });
  res.json({ chargeId });
});
