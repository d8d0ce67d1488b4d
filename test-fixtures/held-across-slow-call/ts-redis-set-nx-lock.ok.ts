// Redis `SET NX` that holds nothing across slow work: the slow work comes before the lock or
// after its release, on the branch where the key was taken by someone else, or the key is a
// de-duplication marker that is never deleted (kept until it expires, not a lock around work).
import { Redis } from '@upstash/redis';

const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });

export async function refreshToken(accountId: string): Promise<string | null> {
  const lockKey = `oauth:refresh:${accountId}`;
  const response = await fetch('https://oauth.example.com/token', { method: 'POST', body: accountId });
  const acquired = await redis.set(lockKey, '1', { nx: true, ex: 20 });
  if (!acquired) {
    // Someone else holds it: wait for their result, holding nothing.
    await fetch('https://oauth.example.com/status');
    return null;
  }
  try {
    await redis.set(`oauth:token:${accountId}`, await response.text());
  } finally {
    await redis.del(lockKey);
  }
  await fetch('https://audit.example.com/refreshed', { method: 'POST' });
  return 'ok';
}

export async function handleWebhook(eventId: string): Promise<void> {
  const fresh = await redis.set(`webhook:${eventId}`, '1', { nx: true, ex: 3600 });
  if (!fresh) return;
  await fetch('https://partner.example.com/ack', { method: 'POST', body: eventId });
}

// A plain `SET` is no lock.
export async function cacheProfile(userId: string): Promise<void> {
  await redis.set(`profile:${userId}`, '{}', { ex: 60 });
  await fetch(`https://profiles.example.com/${userId}`);
  await redis.del(`profile:${userId}`);
}

// A project class's own static factory (`Cache.fromEnv()`, with a `set` that takes `nx`) makes
// no Redis client: its keys are no locks.
class Cache {
  static fromEnv(): Cache {
    return new Cache();
  }
  async set(_key: string, _value: string, _options: { nx: boolean }): Promise<boolean> {
    return true;
  }
  async del(_key: string): Promise<void> {}
}
const cache = Cache.fromEnv();

export async function warm(id: string): Promise<void> {
  const key = `warm:${id}`;
  if (!(await cache.set(key, '1', { nx: true }))) return;
  try {
    await fetch(`https://origin.example.com/${id}`);
  } finally {
    await cache.del(key);
  }
}
