import { MongoClient } from 'mongodb';
import { Router } from 'express';

const client = new MongoClient(process.env.MONGO_URL!);
const orders = client.db('shop').collection('orders');
export const router = Router();

router.post('/orders/:id/ship', async (req, res) => {
  await fetch(`https://carrier.example.com/labels/${req.params.id}`, { method: 'POST' }); // expect: held-across-slow-call "^MongoDB transaction `session` held across `fetch\(\)`.*: it keeps the documents it writes locked"
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      await orders.updateOne({ _id: req.params.id }, { $set: { state: 'shipping' } }, { session });
    });
  } finally {
    await session.endSession();
  }
  res.sendStatus(202);
});

// The session is never ended when the carrier call throws.
router.post('/orders/:id/cancel', async (req, res) => {
  await fetch(`https://carrier.example.com/labels/${req.params.id}`, { method: 'DELETE' }); // expect: held-across-slow-call "^MongoDB session `session` held across `fetch\(\)`"
  const session = client.startSession();
  session.startTransaction();
  await orders.updateOne({ _id: req.params.id }, { $set: { state: 'cancelled' } }, { session });
  await session.commitTransaction();
  await session.endSession();
  res.sendStatus(204);
});
