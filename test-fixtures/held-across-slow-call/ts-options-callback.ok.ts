// Callbacks given inside an options object that are not run with the resource held: the
// helper runs `fn` after releasing its lock, or the callback does only queries on the client
// it is given; a property that is not a function, and a helper that only stores its callback,
// run nothing.
import { Redis } from '@upstash/redis';
import { Pool, type PoolClient } from 'pg';

const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// Takes the lock only to claim the job, and runs `fn` after releasing it.
async function claimThenRun<T>({ key, fn }: { key: string; fn: () => Promise<T> }): Promise<T | null> {
  const acquired = await redis.set(key, '1', { nx: true, ex: 20 });
  if (!acquired) return null;
  try {
    await redis.incr(`${key}:runs`);
  } finally {
    await redis.del(key);
  }
  return fn();
}

async function withTransaction<T>(options: { work: (client: PoolClient) => Promise<T>; onCommitted?: () => Promise<void> }): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query('BEGIN');
    result = await options.work(client);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  if (options.onCommitted) await options.onCommitted();
  return result;
}

const hooks: (() => Promise<void>)[] = [];
function register({ run }: { run: () => Promise<void> }): void {
  hooks.push(run);
}

export async function reconcile(accountId: string): Promise<unknown> {
  return claimThenRun({
    key: `lock:reconcile:${accountId}`,
    fn: async () => (await fetch(`https://payouts.example.com/accounts/${accountId}`)).json(),
  });
}

export async function archive(id: string): Promise<void> {
  await withTransaction({
    async work(client) {
      await client.query('UPDATE documents SET archived = true WHERE id = $1', [id]);
    },
    onCommitted: async () => {
      await fetch(`https://search.example.com/documents/${id}`, { method: 'DELETE' });
    },
  });
  register({ run: async () => void (await fetch('https://audit.example.com/archived')) });
}
