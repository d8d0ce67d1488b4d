// Routes that reach the pooled client through the forwarding helpers: the slow call in the
// route's own closure runs while `withClient` holds the client (and, for `withTransaction`,
// while the transaction is open). One finding per slow call: the client's hold covers the
// transaction run on it.
import { Router } from 'express';
import { inClient, withAudit, withLocalWork, withTransaction } from '../db/client';

export const orders = Router();

orders.post('/orders/:id/pay', async (req, res) => {
  await withTransaction(async (client) => {
    await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['paying', req.params.id]);
    await fetch(`https://payments.example.com/charges/${req.params.id}`, { method: 'POST' }); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)`"
  });
  res.sendStatus(202);
});

orders.post('/orders/:id/notify', async (req, res) => {
  await inClient(async (client) => {
    await client.query('UPDATE orders SET notified = true WHERE id = $1', [req.params.id]);
    await fetch('https://push.example.com/send', { method: 'POST', body: req.params.id }); // expect: held-across-slow-call
  });
  res.sendStatus(204);
});

// Clean: the provider is called after the helpers have returned (and released the client).
orders.post('/orders/:id/pay-after', async (req, res) => {
  await withTransaction(async (client) => {
    await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['paying', req.params.id]);
  });
  await fetch(`https://payments.example.com/charges/${req.params.id}`, { method: 'POST' });
  const count = await inClient(async (client) => (await client.query('SELECT count(*) FROM orders')).rowCount);
  await fetch('https://metrics.example.com/orders', { method: 'POST', body: String(count) });
  res.sendStatus(202);
});

// Clean here: the audit call is the helper's own (reported in the data layer); this callback
// only queries.
orders.post('/orders/:id/archive', async (req, res) => {
  await withAudit('archive', async (client) => {
    await client.query('UPDATE orders SET archived = true WHERE id = $1', [req.params.id]);
  });
  res.sendStatus(204);
});

// Clean: `withLocalWork` never runs the callback it is given (a local `work` shadows it).
orders.post('/orders/:id/touch', async (req, res) => {
  await withLocalWork(async () => {
    await fetch('https://metrics.example.com/touch', { method: 'POST', body: req.params.id });
  });
  res.sendStatus(204);
});
