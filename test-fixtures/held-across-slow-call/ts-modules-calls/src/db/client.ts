// Data-layer helpers written as exported arrow functions, not function declarations.
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

/** Runs `work` on a pooled client, released whatever happens. */
export const withClient = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
  const client = await pool.connect();
  try {
    return await work(client); // expect: held-across-slow-call "which runs its callers' callbacks: 4 callers pass it slow work"
  } finally {
    client.release();
  }
};

/** Locks the order row and runs `work` before committing. */
const lockOrder = async (orderId: string, work: () => Promise<void>): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
    await work();
    await client.query('COMMIT');
  } finally {
    client.release();
  }
};

export { lockOrder as withLockedOrder };
