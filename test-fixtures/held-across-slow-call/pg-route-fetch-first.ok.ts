import express from 'express';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();

// The remote call runs before the client is checked out: the pool is not held meanwhile.
app.get('/users/:id', async (req, res) => {
  const profile = await fetch(`https://profiles.internal/users/${req.params.id}`);
  const client = await pool.connect();
  try {
    const user = await client.query('SELECT id, email FROM users WHERE id = $1', [req.params.id]);
    const orders = await client.query('SELECT * FROM orders WHERE user_id = $1', [req.params.id]);
    res.json({ user: user.rows[0], orders: orders.rows, profile: await profile.json() });
  } finally {
    client.release();
  }
});

// Released before the remote call.
app.get('/users/:id/avatar', async (req, res) => {
  const client = await pool.connect();
  let url: string;
  try {
    const result = await client.query('SELECT avatar_url FROM users WHERE id = $1', [req.params.id]);
    url = result.rows[0].avatar_url;
  } finally {
    client.release();
  }
  const avatar = await fetch(url);
  res.type('png').send(Buffer.from(await avatar.arrayBuffer()));
});

export default app;
