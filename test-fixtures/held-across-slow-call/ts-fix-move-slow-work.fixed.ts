// The fix that runs slow work before the resource is acquired: each function shows one case.
// Golden files: ts-fix-move-slow-work.fixed.ts (safe fixes only) and .unsafe.fixed.ts.
import { Mutex } from 'async-mutex';
import knex from 'knex';
import { Pool } from 'pg';

const pool = new Pool();
const db = knex({ client: 'pg' });
const lock = new Mutex();

// Safe: the fetch is the first thing done with the client held and uses nothing it computes.
export async function first(id: string): Promise<unknown> {
  const profile = await fetch(`https://profiles.example.com/${id}`); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
    const user = await client.query('SELECT * FROM users WHERE id = $1', [id]);
    return { user: user.rows[0], profile: await profile.json() };
  } finally {
    client.release();
  }
}

// Safe: out of the transaction callback, before the call that runs it.
export async function inCallback(id: string): Promise<void> {
  const rate = await fetch(`https://rates.example.com/${id}`); // expect: held-across-slow-call
  await db.transaction(async (trx) => {
    await trx('wallets').where({ id }).update({ rate: (await rate.json()).rate });
  });
}

// Unsafe: a query ran before it; if the query fails, the fetch has already happened.
export async function afterQuery(id: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('UPDATE users SET seen = now() WHERE id = $1', [id]);
    await fetch(`https://audit.example.com/seen/${id}`, { method: 'POST' }); // expect: held-across-slow-call
  } finally {
    client.release();
  }
}

// Unsafe: the catch handled the fetch's failure; moved out of the try, it no longer does.
export async function caught(id: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    await fetch(`https://audit.example.com/ping/${id}`); // expect: held-across-slow-call
    await client.query('UPDATE users SET pinged = now() WHERE id = $1', [id]);
    return true;
  } catch {
    return false;
  } finally {
    client.release();
  }
}

// No fix: the fetch uses the row the query read with the client held.
export async function dependent(id: string): Promise<unknown> {
  const client = await pool.connect();
  try {
    const user = await client.query('SELECT * FROM users WHERE id = $1', [id]);
    return await fetch(`https://profiles.example.com/${user.rows[0].id}`); // expect: held-across-slow-call
  } finally {
    client.release();
  }
}

// No move: the sleep is inside a branch of the region, not on every path through it (the
// client is released around it instead: ts-fix-reacquire-client.ts).
export async function inBranch(id: string, slow: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    if (slow) {
      await new Promise((resolve) => setTimeout(resolve, 1000)); // expect: held-across-slow-call
    }
    await client.query('UPDATE users SET seen = now() WHERE id = $1', [id]);
  } finally {
    client.release();
  }
}

// Display-only: a lock may be there to serialise this very work.
export async function locked(): Promise<void> {
  const release = await lock.acquire();
  try {
    await fetch('https://auth.example.com/token', { method: 'POST' }); // expect: held-across-slow-call
  } finally {
    release();
  }
}
