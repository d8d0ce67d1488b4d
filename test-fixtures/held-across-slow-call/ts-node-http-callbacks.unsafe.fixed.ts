// node:https callback APIs wrapped in a promise: awaiting it waits for the whole request. A
// helper that returns such a promise (or `once(req, 'response')`) is slow where it is awaited.
import https from 'node:https';
import http from 'node:http';
import { once } from 'node:events';
import { Mutex } from 'async-mutex';
import { Pool } from 'pg';

const pool = new Pool();
const tokenLock = new Mutex();

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function refreshToken(): Promise<unknown> {
  const release = await tokenLock.acquire();
  try {
    return await getJson('https://auth.internal/token'); // expect: held-across-slow-call "^Mutex `tokenLock` held across `getJson\(\)`, which reaches `https.get\(\)`"
  } finally {
    release();
  }
}

export async function syncInventory(sku: string): Promise<void> {
  let client = await pool.connect();
  let clientHeld = true;
  try {
    await client.query('SELECT 1 FROM stock WHERE sku = $1 FOR UPDATE', [sku]);
    const req = http.request({ host: 'inventory.internal', path: `/sku/${sku}`, method: 'POST' });
    req.end();
    client.release();
    clientHeld = false;
    const [res] = await once(req, 'response'); // expect: held-across-slow-call "^Pooled client `client` held across `once\(\)` waiting for 'response'"
    client = await pool.connect();
    clientHeld = true;
    await client.query('UPDATE stock SET synced = $2 WHERE sku = $1', [sku, res.statusCode]);
  } finally {
    if (clientHeld) client.release();
  }
}

export async function pollUntilReady(jobId: string): Promise<void> {
  const release = await tokenLock.acquire();
  try {
    await sleep(500); // expect: held-across-slow-call "^Mutex `tokenLock` held across `sleep\(\)`, which reaches `setTimeout\(\)`"
  } finally {
    release();
  }
  await getJson(`https://jobs.internal/${jobId}`);
}
