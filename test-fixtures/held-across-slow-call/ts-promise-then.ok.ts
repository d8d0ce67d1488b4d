// The same chains with the waits outside the held regions: a promise that is not awaited
// (fire and forget) runs later, and a `.then` callback releases what it was handed before its
// remote call.
import { Mutex } from 'async-mutex';
import { Pool } from 'pg';
import { setTimeout as delay } from 'node:timers/promises';

const pool = new Pool();
const cacheLock = new Mutex();

export async function reserveStock(sku: string): Promise<void> {
  await delay(250);
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT qty FROM stock WHERE sku = $1 FOR UPDATE', [sku]);
    void delay(1000).then(() => rows.length);
    await client.query('UPDATE stock SET qty = qty - 1 WHERE sku = $1', [sku]);
  } finally {
    client.release();
  }
}

export function refreshPrices(): Promise<void> {
  return pool.connect().then(async (client) => {
    let current: unknown;
    try {
      current = (await client.query('SELECT data FROM prices')).rows[0];
    } finally {
      client.release();
    }
    await fetch('https://prices.internal/compare', { method: 'POST', body: JSON.stringify(current) });
  });
}

export async function warmCache(keys: string[]): Promise<void> {
  const values = await loadKeys(keys).then((found) => found.filter(Boolean));
  await cacheLock.acquire().then((release) => {
    try {
      localCache.set('keys', values);
    } finally {
      release();
    }
  });
  await fetch('https://cache.internal/bulk', { method: 'PUT', body: JSON.stringify(values) });
}

const localCache = new Map<string, string[]>();

async function backoff(attempt: number): Promise<void> {
  return delay(100 * 2 ** attempt);
}

export async function retryReservation(sku: string, attempt: number): Promise<void> {
  await backoff(attempt);
  const release = await cacheLock.acquire();
  try {
    localCache.delete(sku);
  } finally {
    release();
  }
}

async function loadKeys(keys: string[]): Promise<string[]> {
  return keys.map((key) => key.toLowerCase());
}
