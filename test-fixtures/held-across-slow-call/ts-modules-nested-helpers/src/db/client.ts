// The data layer as it is often written: `withClient` checks a client out of the pool and
// runs the caller's work with it; `withTransaction` does not take a client itself but
// forwards the caller's work through a closure it hands to `withClient` (`work` is a
// parameter of the enclosing function, called from inside the closure).
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

export async function withTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(async (client) => {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

// The same forwarding, written as one arrow function.
export const inClient = <T>(fn: (client: PoolClient) => Promise<T>): Promise<T> => withClient((c) => fn(c));

// The forwarding closure's own slow work is this module's business: reported here, once, and
// not again at the callers of `withAudit` (whose callbacks only query).
export async function withAudit<T>(action: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(async (client) => {
    await fetch('https://audit.example.com/events', { method: 'POST', body: action }); // expect: held-across-slow-call
    return work(client);
  });
}

// `work` inside the closure is its own local, not the parameter: the caller's callback never
// runs here.
export async function withLocalWork(work: (client: PoolClient) => Promise<void>): Promise<void> {
  await withClient(async (client) => {
    const work = async (c: PoolClient): Promise<void> => {
      await c.query('SELECT 1');
    };
    await work(client);
  });
}
