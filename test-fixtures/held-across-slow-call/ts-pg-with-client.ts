import express from 'express';
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();

// The project's helper: checks a client out, runs the callback with it, releases it.
async function withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

// A transaction helper built the same way.
async function withTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
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

async function chargeCard(orderId: string, amount: number): Promise<void> {
  await fetch('https://payments.internal/charges', { method: 'POST', body: JSON.stringify({ orderId, amount }) });
}

// The route's callback calls another service while the helper holds the client.
app.get('/users/:id', async (req, res) => {
  const user = await withClient(async (client) => {
    const { rows } = await client.query('SELECT id, email FROM users WHERE id = $1', [req.params.id]);
    const profile = await fetch(`https://profiles.internal/users/${rows[0].id}`); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)` in the callback that `withClient\(\)` runs with it.*: the pool has a fixed number of clients"
    return { ...rows[0], profile: await profile.json() };
  });
  res.json(user);
});

// Payment inside the transaction: reached through a service function.
app.post('/orders/:id/pay', async (req, res) => {
  await withTransaction(async (client) => {
    const { rows } = await client.query('SELECT total FROM orders WHERE id = $1 FOR UPDATE', [req.params.id]);
    await chargeCard(req.params.id, rows[0].total); // expect: held-across-slow-call "^Pooled client `client` held across `chargeCard\(\)`, which reaches `fetch\(\)`, in the callback that `withTransaction\(\)` runs with it"
    await client.query('UPDATE orders SET paid = true WHERE id = $1', [req.params.id]);
  });
  res.status(204).end();
});

export default app;
