import { Mutex } from 'async-mutex';
import express from 'express';

const app = express();
const cacheLock = new Mutex();
const cache = new Map<string, unknown>();

// The lock guards the in-memory cache only; the remote call runs outside it.
app.get('/rates/:currency', async (req, res) => {
  const cached = await cacheLock.runExclusive(async () => cache.get(req.params.currency));
  if (cached) return res.json(cached);
  const response = await fetch(`https://rates.internal/${req.params.currency}`);
  const rate = await response.json();
  const release = await cacheLock.acquire();
  try {
    cache.set(req.params.currency, rate);
  } finally {
    release();
  }
  return res.json(rate);
});

export default app;
