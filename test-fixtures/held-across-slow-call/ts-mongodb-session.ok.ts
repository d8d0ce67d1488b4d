import { MongoClient } from 'mongodb';
import { Router } from 'express';

const client = new MongoClient(process.env.MONGO_URL!);
const orders = client.db('shop').collection('orders');
export const router = Router();

// The label is bought first; the transaction only records it.
router.post('/orders/:id/ship', async (req, res) => {
  const label = await fetch(`https://carrier.example.com/labels/${req.params.id}`, { method: 'POST' });
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      await orders.updateOne({ _id: req.params.id }, { $set: { state: 'shipping', label: label.url } }, { session });
    });
  } finally {
    await session.endSession();
  }
  res.sendStatus(202);
});
