import { Router } from 'express';
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const webhooks = Router();

async function withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

// The queue is read and marked inside short callbacks; the deliveries run between them,
// with no client held.
webhooks.post('/webhooks/flush', async (_req, res) => {
  const rows = await withClient(async (client) => {
    const result = await client.query('SELECT id, url, payload FROM webhook_queue WHERE sent_at IS NULL');
    return result.rows;
  });
  const sent: string[] = [];
  for (const row of rows) {
    const response = await fetch(row.url, { method: 'POST', body: row.payload });
    if (response.ok) sent.push(row.id);
  }
  await withClient((client) => client.query('UPDATE webhook_queue SET sent_at = now() WHERE id = ANY($1)', [sent]));
  res.json({ delivered: sent.length });
});
