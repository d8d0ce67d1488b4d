// A lock written as a Redis key (`SET key token NX`, released by `DEL key` or a
// compare-and-delete script): held across a token refresh, and a helper that runs its
// callback with it held.
import { Redis } from '@upstash/redis';
import IORedis from 'ioredis';

const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });
const ioredis = new IORedis(process.env.REDIS_URL!);
// Upstash's static factory, which reads the URL and token from the environment.
const fromEnv = Redis.fromEnv();

export async function refreshToken(accountId: string): Promise<string | null> {
  const lockKey = `oauth:refresh:${accountId}`;
  const acquired = await redis.set(lockKey, '1', { nx: true, ex: 20 });
  if (!acquired) {
    return null;
  }
  try {
    const response = await fetch('https://oauth.example.com/token', { method: 'POST', body: accountId }); // expect: held-across-slow-call@info "^Redis lock `lockKey` held across `fetch\(\)`"
    return await response.text();
  } finally {
    await redis.del(lockKey);
  }
}

// ioredis: `SET key token EX 30 NX` answers 'OK' when it took the key.
export async function rebuildReport(id: string): Promise<void> {
  const key = `report:${id}`;
  const token = crypto.randomUUID();
  if ((await ioredis.set(key, token, 'EX', 30, 'NX')) !== 'OK') return;
  try {
    await fetch(`https://reports.example.com/${id}/build`, { method: 'POST' }); // expect: held-across-slow-call@info "^Redis lock `key` held across `fetch\(\)`"
  } finally {
    await ioredis.eval('if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end', 1, key, token);
  }
}

// A helper that runs its callback with the lock held: the caller's slow work is held by it.
async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T | null> {
  const acquired = await redis.set(key, '1', { nx: true, ex: 20 });
  if (!acquired) return null;
  try {
    return await fn();
  } finally {
    await redis.del(key);
  }
}

export async function syncAccount(id: string): Promise<Response | null> {
  return withLock(`sync:${id}`, () => pullFromPartner(id)); // expect: held-across-slow-call@info "^Redis lock `key` held across `pullFromPartner\(\)`, which reaches `fetch\(\)`, in the callback that `withLock\(\)` runs"
}

async function pullFromPartner(id: string): Promise<Response> {
  return fetch(`https://partner.example.com/accounts/${id}`);
}

// The client made by `Redis.fromEnv()` takes the same locks.
export async function publishDigest(id: string): Promise<void> {
  const key = `digest:${id}`;
  if (!(await fromEnv.set(key, '1', { nx: true, ex: 30 }))) return;
  try {
    await fetch(`https://mail.example.com/digests/${id}`, { method: 'POST' }); // expect: held-across-slow-call@info "^Redis lock `key` held across `fetch\(\)`"
  } finally {
    await fromEnv.del(key);
  }
}
