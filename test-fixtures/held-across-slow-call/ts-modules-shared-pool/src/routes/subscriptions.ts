// A TypeORM data source and a mutex, both shared by other modules.
import { Router } from 'express';
import { AppDataSource } from '../db/data-source';
import { renewalLock } from '../services/locks';

export const subscriptions = Router();

subscriptions.post('/subscriptions/:id/renew', async (req, res) => {
  await AppDataSource.transaction(async (manager) => {
    await manager.query('UPDATE subscriptions SET state = $1 WHERE id = $2', ['renewing', req.params.id]);
    await fetch(`https://billing.example.com/renew/${req.params.id}`, { method: 'POST' }); // expect: held-across-slow-call
  });
  res.sendStatus(202);
});

subscriptions.post('/subscriptions/:id/renew-all', async (_req, res) => {
  await renewalLock.runExclusive(async () => {
    await fetch('https://billing.example.com/renew-all', { method: 'POST' }); // expect: held-across-slow-call
  });
  res.sendStatus(202);
});

// Clean: the provider is called outside the transaction and the lock.
subscriptions.post('/subscriptions/:id/cancel', async (req, res) => {
  await fetch(`https://billing.example.com/cancel/${req.params.id}`, { method: 'POST' });
  await AppDataSource.transaction(async (manager) => {
    await manager.query('UPDATE subscriptions SET state = $1 WHERE id = $2', ['cancelled', req.params.id]);
  });
  await renewalLock.runExclusive(async () => {
    await AppDataSource.query('UPDATE renewals SET pending = pending - 1');
  });
  res.sendStatus(204);
});
