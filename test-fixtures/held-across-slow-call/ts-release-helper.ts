// The client is released by a helper of the file (`done(client)`), but only after the remote
// call: it is held across it. On the cache-hit path the helper releases it before returning.
import express from 'express';
import { Pool, type PoolClient } from 'pg';
import { Mutex } from 'async-mutex';

const pool = new Pool();
const reportLock = new Mutex();
const app = express();

function done(client: PoolClient, error?: Error): void {
  if (error) console.error('query failed', error);
  client.release(error);
}

const unlock = (release: () => void): void => {
  release();
};

app.get('/users/:id/avatar', async (req, res) => {
  const client = await pool.connect();
  const { rows } = await client.query('SELECT avatar_url, cached FROM users WHERE id = $1', [req.params.id]);
  if (rows[0].cached) {
    done(client);
    res.json(rows[0]);
    return;
  }
  const avatar = await fetch(rows[0].avatar_url); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)` in this request handler"
  done(client);
  res.type('png').send(Buffer.from(await avatar.arrayBuffer()));
});

export async function buildReport(id: string): Promise<void> {
  const release = await reportLock.acquire();
  await fetch(`https://reports.internal/${id}`, { method: 'POST' }); // expect: held-across-slow-call "^Mutex `reportLock` held across `fetch\(\)`"
  unlock(release);
}

export default app;
