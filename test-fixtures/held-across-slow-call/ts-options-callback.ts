// Helpers that take their callback as a property of an options object (`withLock({ key, fn })`,
// `options.work(client)`) run it with their resource held, as a callback passed as a plain
// argument: the caller's slow work in what it passes is held by the helper's resource.
import { Redis } from '@upstash/redis';
import { Pool, type PoolClient } from 'pg';

const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// The callback destructured in the parameter list (dub's `withRedisLock`).
async function withRedisLock<T>({ key, ttlSeconds, fn }: { key: string; ttlSeconds: number; fn: () => Promise<T> }): Promise<T | null> {
  const token = crypto.randomUUID();
  const acquired = await redis.set(key, token, { nx: true, ex: ttlSeconds });
  if (!acquired) return null;
  try {
    return await fn();
  } finally {
    await redis.eval('if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end', [key], [token]);
  }
}

// The callback read from the options parameter (`options.work(client)`).
async function withTransaction<T>(options: { label: string; work: (client: PoolClient) => Promise<T> }): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await options.work(client); // expect: held-across-slow-call "^Pooled client `client` held across `options\.work\(\)`, which runs its callers' callbacks: 2 callers pass it slow work, `archive\(\)` .* and `placeOrder\(\)`"
    await client.query('COMMIT');
    return result;
  } finally {
    client.release();
  }
}

export async function reconcile(accountId: string): Promise<unknown> {
  return withRedisLock({
    key: `lock:reconcile:${accountId}`,
    ttlSeconds: 60,
    fn: async () => {
      const res = await fetch(`https://payouts.example.com/accounts/${accountId}`); // expect: held-across-slow-call@info "^Redis lock `key` held across `fetch\(\)`"
      return res.json();
    },
  });
}

// A method written in the object literal, and a function passed by name (reported where it
// is passed, as for a plain argument).
export async function archive(id: string): Promise<void> {
  await withTransaction({
    label: 'archive',
    async work(client) {
      await client.query('UPDATE documents SET archived = true WHERE id = $1', [id]);
      await fetch(`https://search.example.com/documents/${id}`, { method: 'DELETE' }); // expect: held-across-slow-call
    },
  });
}

async function notifyPartner(client: PoolClient): Promise<void> {
  await client.query('SELECT 1');
  await fetch('https://partner.example.com/hooks/order', { method: 'POST' });
}

export async function placeOrder(): Promise<void> {
  await withTransaction({ label: 'order', work: notifyPartner }); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)` in the callback that `withTransaction\(\)` runs"
}

// Forwarded through a closure of the helper's own: `work` destructured from the options is
// called inside the callback it gives `withClient()`, which holds the client.
async function withClient<T>(run: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await run(client);
  } finally {
    client.release();
  }
}

async function inTransaction<T>({ work }: { work: (client: PoolClient) => Promise<T> }): Promise<T> {
  return withClient(async (client) => {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  });
}

export async function publish(id: string): Promise<void> {
  await inTransaction({
    work: async (client) => {
      await client.query('UPDATE posts SET published = true WHERE id = $1', [id]);
      await fetch(`https://cdn.example.com/purge/${id}`, { method: 'POST' }); // expect: held-across-slow-call
    },
  });
}
