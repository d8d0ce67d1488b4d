// The data layer: one helper checks a client out, another only forwards the caller's work
// to it.
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

export function inReadOnlyClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(work);
}
