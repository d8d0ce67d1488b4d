import express from 'express';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();

// The project's way to check a client out: callers hold what it returns until they release it.
export async function getClient() {
  return pool.connect();
}

export const getReportingClient = async () => await pool.connect();

app.get('/reports/:id', async (req, res) => {
  const client = await getClient();
  try {
    const { rows } = await client.query('SELECT * FROM reports WHERE id = $1', [req.params.id]);
    const chart = await fetch(`https://charts.internal/render?data=${encodeURIComponent(JSON.stringify(rows))}`); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)`"
    res.type('png').send(Buffer.from(await chart.arrayBuffer()));
  } finally {
    client.release();
  }
});

app.post('/reports/:id/refresh', async (req, res) => {
  await fetch(`https://warehouse.internal/refresh/${req.params.id}`, { method: 'POST' }); // expect: held-across-slow-call "^Pooled client `db` held across `fetch\(\)`"
  const db = await getReportingClient();
  await db.query('UPDATE reports SET state = $1 WHERE id = $2', ['refreshing', req.params.id]);
  db.release();
  res.sendStatus(202);
});

export default app;
