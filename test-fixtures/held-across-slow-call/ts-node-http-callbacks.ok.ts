// The wrapped requests run before the lock is taken or after it is released; a callback-form
// request that nobody awaits (fire and forget) does not keep the holder waiting.
import https from 'node:https';
import http from 'node:http';
import { once } from 'node:events';
import { Mutex } from 'async-mutex';
import { Pool } from 'pg';

const pool = new Pool();
const tokenLock = new Mutex();
let cached: unknown;

function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    https
      .get(url, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body)));
      })
      .on('error', reject);
  });
}

export async function refreshToken(): Promise<unknown> {
  const token = await getJson('https://auth.internal/token');
  const release = await tokenLock.acquire();
  try {
    cached = token;
    https.get('https://audit.internal/token-refreshed');
    return cached;
  } finally {
    release();
  }
}

export async function syncInventory(sku: string): Promise<void> {
  const req = http.request({ host: 'inventory.internal', path: `/sku/${sku}`, method: 'POST' });
  req.end();
  const [res] = await once(req, 'response');
  const client = await pool.connect();
  try {
    await client.query('UPDATE stock SET synced = $2 WHERE sku = $1', [sku, res.statusCode]);
  } finally {
    client.release();
  }
}
