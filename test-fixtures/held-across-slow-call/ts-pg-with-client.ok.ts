import express from 'express';
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();

async function withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

// The remote call runs before the helper checks a client out, the callback only queries.
app.get('/users/:id', async (req, res) => {
  const profile = await fetch(`https://profiles.internal/users/${req.params.id}`);
  const user = await withClient(async (client) => {
    const { rows } = await client.query('SELECT id, email FROM users WHERE id = $1', [req.params.id]);
    return rows[0];
  });
  res.json({ ...user, profile: await profile.json() });
});

// The payment runs after the helper released the client.
app.post('/orders/:id/pay', async (req, res) => {
  const total = await withClient(async (client) => {
    const { rows } = await client.query('SELECT total FROM orders WHERE id = $1', [req.params.id]);
    return rows[0].total as number;
  });
  await fetch('https://payments.internal/charges', { method: 'POST', body: JSON.stringify({ id: req.params.id, total }) });
  res.status(204).end();
});

export default app;
