// A helper awaits its callback parameter between acquire and release, and every caller passes
// only queries on the client it is given (the HTTP calls come after the helper returns).
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function shipOrder(id: string): Promise<void> {
  await inTransaction(async (client) => {
    await client.query("UPDATE orders SET state = 'shipped' WHERE id = $1", [id]);
  });
  await fetch(`https://carrier.example.com/labels/${id}`, { method: 'POST' });
}

export async function chargeOrder(id: string): Promise<void> {
  await inTransaction(async (client) => {
    await client.query("UPDATE orders SET state = 'paid' WHERE id = $1", [id]);
  });
  await fetch('https://payments.example.com/capture', { method: 'POST' });
}
