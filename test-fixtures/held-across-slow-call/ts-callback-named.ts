import { Router } from 'express';
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const reports = Router();

async function withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

async function withReadOnly<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } finally {
    client.release();
  }
}

// A callback passed by name may be handed to several helpers: both helpers' calls reach the
// same slow call with a pooled client held, so it is one finding, at that call, counting both.
const renderReport = async (client: PoolClient) => {
  const { rows } = await client.query('SELECT * FROM sales WHERE day = current_date');
  const pdf = await fetch('https://render.internal/pdf', { method: 'POST', body: JSON.stringify(rows) }); // expect: held-across-slow-call "^Pooled client held across `fetch\(\)`: .* Reached from 2 call sites \(lines 37 and 42\)"
  return pdf.arrayBuffer();
};

reports.get('/reports/today', async (_req, res) => {
  const pdf = await withClient(renderReport);
  res.type('pdf').send(Buffer.from(pdf));
});

reports.get('/reports/today/consistent', async (_req, res) => {
  const pdf = await withReadOnly(renderReport);
  res.type('pdf').send(Buffer.from(pdf));
});
