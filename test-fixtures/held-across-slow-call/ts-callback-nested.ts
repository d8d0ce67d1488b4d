import { Mutex } from 'async-mutex';
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const tokenMutex = new Mutex();

async function withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

async function withTokenLock<T>(fn: () => Promise<T>): Promise<T> {
  const release = await tokenMutex.acquire();
  try {
    return await fn();
  } finally {
    release();
  }
}

// The token refresh runs under the mutex, inside a callback that holds a pooled client: one
// finding per resource, each in the callback that holds it (the mutex's is not repeated at
// the outer helper's call).
export async function syncInvoices(accountId: string): Promise<void> {
  await withClient(async (client) => {
    const { rows } = await client.query('SELECT id FROM invoices WHERE account_id = $1 AND synced = false', [accountId]);
    const token = await withTokenLock(async () => { // expect: held-across-slow-call "^Pooled client `client` held across `withTokenLock\(\)`, which reaches `fetch\(\)`, in the callback that `withClient\(\)` runs with it"
      const response = await fetch('https://billing.example.com/oauth/token', { method: 'POST' }); // expect: held-across-slow-call "^Mutex `tokenMutex` held across `fetch\(\)` in the callback that `withTokenLock\(\)` runs with it"
      return (await response.json()).access_token as string;
    });
    await client.query('UPDATE invoices SET synced = true, token_hint = $2 WHERE id = ANY($1)', [rows.map((r) => r.id), token.slice(0, 4)]);
  });
}
