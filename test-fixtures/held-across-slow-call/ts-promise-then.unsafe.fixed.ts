// Promise chains: awaiting `.then(…)` awaits the promise it starts from and runs its callbacks;
// `return promise` in an async function is awaited before its promise settles; a callback of
// `pool.connect().then(…)` holds the client from its first line until it releases it.
import { Mutex } from 'async-mutex';
import { Pool } from 'pg';
import { setTimeout as delay } from 'node:timers/promises';

const pool = new Pool();
const cacheLock = new Mutex();

async function backoff(attempt: number): Promise<void> {
  return delay(100 * 2 ** attempt);
}

export async function reserveStock(sku: string): Promise<void> {
  let client = await pool.connect();
  let clientHeld = true;
  try {
    const { rows } = await client.query('SELECT qty FROM stock WHERE sku = $1 FOR UPDATE', [sku]);
    client.release();
    clientHeld = false;
    await delay(250).then(() => rows.length); // expect: held-across-slow-call "^Pooled client `client` held across `delay\(\)`"
    client = await pool.connect();
    clientHeld = true;
    await client.query('UPDATE stock SET qty = qty - 1 WHERE sku = $1', [sku]);
  } finally {
    if (clientHeld) client.release();
  }
}

export function refreshPrices(): Promise<void> {
  const prices = await fetch('https://prices.internal/latest').then((r) => r.json()); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)`"
  return pool.connect().then(async (client) => {
    try {
      await client.query('UPDATE prices SET data = $1', [prices]);
    } finally {
      client.release();
    }
  });
}

export async function warmCache(keys: string[]): Promise<void> {
  await loadKeys(keys).then((values) => fetch('https://cache.internal/bulk', { method: 'PUT', body: JSON.stringify(values) })); // expect: held-across-slow-call "^Mutex `cacheLock` held across the `.then\(\)` callback, which reaches `fetch\(\)`"
  await cacheLock.acquire().then(async (release) => {
    try {
    } finally {
      release();
    }
  });
}

// Waiting for the next attempt with the mutex held: `backoff()` returns (so awaits) `delay()`.
export async function retryReservation(sku: string, attempt: number): Promise<void> {
  const release = await cacheLock.acquire();
  try {
    await backoff(attempt); // expect: held-across-slow-call "^Mutex `cacheLock` held across `backoff\(\)`, which reaches `delay\(\)`"
  } finally {
    release();
  }
  await reserveStock(sku);
}

async function loadKeys(keys: string[]): Promise<string[]> {
  return keys.map((key) => key.toLowerCase());
}
