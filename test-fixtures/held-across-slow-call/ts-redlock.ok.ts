import Redis from 'ioredis';
import Redlock from 'redlock';

const redlock = new Redlock([new Redis(process.env.REDIS_URL!)]);
const redis = new Redis(process.env.REDIS_URL!);

// The charge happens first; the lock only guards the cart's state change.
export async function checkout(cartId: string): Promise<void> {
  await fetch('https://payments.example.com/charge', { method: 'POST', body: cartId });
  await redlock.using([`cart:${cartId}`], 5_000, async () => {
    await redis.hset(`cart:${cartId}`, 'state', 'paid');
  });
}

export async function markRebuilt(): Promise<void> {
  const lock = await redlock.acquire(['search-index'], 5_000);
  try {
    await redis.set('search-index:built', Date.now());
  } finally {
    await lock.release();
  }
  await fetch('https://search.internal/reload', { method: 'POST' });
}
