import express from 'express';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();

// A route that checks a client out of the pool, then calls another service while it holds it.
app.get('/users/:id', async (req, res) => {
  const client = await pool.connect();
  let clientHeld = true;
  try {
    const user = await client.query('SELECT id, email FROM users WHERE id = $1', [req.params.id]);
    client.release();
    clientHeld = false;
    const profile = await fetch(`https://profiles.internal/users/${user.rows[0].id}`); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)` in this request handler \(express route handler for GET /users/:id\): the pool has a fixed number of clients; every request waiting for one stalls until it is released\.$"
    res.json({ user: user.rows[0], profile: await profile.json() });
  } finally {
    if (clientHeld) client.release();
  }
});

export default app;
