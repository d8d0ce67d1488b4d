import { Router } from 'express';
import { Pool, type PoolClient } from 'pg';
import { setTimeout as sleep } from 'timers/promises';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const webhooks = Router();

async function withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client); // expect: held-across-slow-call "^Pooled client `client` held across `fn\(\)`, which runs its callers' callbacks: 2 callers pass it slow work, the express route handler for POST /webhooks/flush \(line 22: `fetch\(\)`\)"
  } finally {
    client.release();
  }
}

// Each pending webhook is delivered while the helper holds the client: the finding is on the
// loop inside the callback, the helper's call and its acquire are related locations.
webhooks.post('/webhooks/flush', async (_req, res) => {
  const delivered = await withClient(async (client) => {
    const { rows } = await client.query('SELECT id, url, payload FROM webhook_queue WHERE sent_at IS NULL');
    for (const row of rows) { // expect: held-across-slow-call "^Pooled client `client` held across a loop that runs `fetch\(\)` on every iteration in the callback that `withClient\(\)` runs with it in this request handler"
      await fetch(row.url, { method: 'POST', body: row.payload });
      await client.query('UPDATE webhook_queue SET sent_at = now() WHERE id = $1', [row.id]);
    }
    return rows.length;
  });
  res.json({ delivered });
});

// Two slow calls in one callback: one finding, at the first; the retry sleep is related.
webhooks.post('/webhooks/:id/retry', async (req, res) => {
  await withClient(async (client) => {
    const { rows } = await client.query('SELECT url, payload FROM webhook_queue WHERE id = $1', [req.params.id]);
    const response = await fetch(rows[0].url, { method: 'POST', body: rows[0].payload }); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)` in the callback"
    if (!response.ok) await sleep(1000);
  });
  res.status(202).end();
});
