// The helpers release what they are given before the remote calls: `done(client)` releases the
// pooled client, `unlock(release)` the mutex.
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
  let url: string;
  try {
    const { rows } = await client.query('SELECT avatar_url FROM users WHERE id = $1', [req.params.id]);
    url = rows[0].avatar_url;
  } catch (error) {
    done(client, error as Error);
    throw error;
  }
  done(client);
  const avatar = await fetch(url);
  res.type('png').send(Buffer.from(await avatar.arrayBuffer()));
});

export async function buildReport(id: string): Promise<void> {
  const release = await reportLock.acquire();
  const started = Date.now();
  unlock(release);
  await fetch(`https://reports.internal/${id}?at=${started}`, { method: 'POST' });
}

export default app;
