import { Router } from 'express';
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const admin = Router();

async function withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

// An admin-only endpoint, called a few times a day: the team accepts holding a client across
// the webhook test. The finding sits on the slow call in the callback; a suppression there
// hides it, and so does one above the helper's call (where such findings used to be).
admin.post('/admin/webhooks/:id/test', async (req, res) => {
  const status = await withClient(async (client) => {
    const { rows } = await client.query('SELECT url FROM webhooks WHERE id = $1', [req.params.id]);
    // session-lint-ignore held-across-slow-call: admin-only, a few calls a day
    const response = await fetch(rows[0].url, { method: 'POST', body: '{"test":true}' });
    await client.query('UPDATE webhooks SET last_test_status = $2 WHERE id = $1', [req.params.id, response.status]);
    return response.status;
  });
  res.json({ status });
});

admin.post('/admin/webhooks/:id/ping', async (req, res) => {
  // session-lint-ignore held-across-slow-call: admin-only, a few calls a day
  const status = await withClient(async (client) => {
    const { rows } = await client.query('SELECT url FROM webhooks WHERE id = $1', [req.params.id]);
    const response = await fetch(rows[0].url, { method: 'HEAD' });
    return response.status;
  });
  res.json({ status });
});
