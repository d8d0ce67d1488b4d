import { Pool } from 'pg';

const pool = new Pool();
const CRM_URL = process.env.CRM_URL ?? 'https://crm.internal';

// The early return forgets to release the client, and calls the CRM while it holds it.
export async function syncAccount(id: string): Promise<void> {
  const client = await pool.connect();
  let clientHeld = true;
  const { rows } = await client.query('SELECT * FROM accounts WHERE id = $1', [id]);
  if (rows.length === 0) {
    client.release();
    clientHeld = false;
    await fetch(`${CRM_URL}/accounts/${id}`, { method: 'DELETE' }); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)`: .* It may also never be released: there is no release when `rows\.length === 0` is true \(line 10\)\.$"
    return;
  }
  if (clientHeld) client.release();
  await fetch(`${CRM_URL}/accounts/${id}`, { method: 'PUT', body: JSON.stringify(rows[0]) });
}

// Released on one branch only: on the other, the client is still checked out.
export async function refreshPrices(useCache: boolean): Promise<void> {
  const client = await pool.connect();
  const { rows } = await client.query('SELECT sku FROM products');
  if (useCache) {
    client.release();
  }
  for (const row of rows) { // expect: held-across-slow-call "may be held across a loop that runs `fetch\(\)` on every iteration: it is still held when `useCache` is false"
    await fetch(`https://prices.internal/${row.sku}`);
  }
}

// Released at the end of the normal path only: when the archive call fails, the exception
// leaves the function with the client still checked out.
export async function archiveAccount(id: string): Promise<void> {
  await fetch(`${CRM_URL}/accounts/${id}/archive`, { method: 'POST' }); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)`: .* It may also never be released: when `fetch\(\)` throws, no `finally` releases it\.$"
  const client = await pool.connect();
  await client.query('UPDATE accounts SET archived = true WHERE id = $1', [id]);
  client.release();
}

// The same call with the release in `finally`: still held across the call, but released on
// every path, so the message says nothing more.
export async function archiveAccountSafely(id: string): Promise<void> {
  await fetch(`${CRM_URL}/accounts/${id}/archive`, { method: 'POST' }); // expect: held-across-slow-call "^(?!.*never be released)Pooled client `client` held across `fetch\(\)`"
  const client = await pool.connect();
  try {
    await client.query('UPDATE accounts SET archived = true WHERE id = $1', [id]);
  } finally {
    client.release();
  }
}

// The release is inside `try`, and the `catch` only logs: when the CRM call fails, the
// function goes on and ends with the client still checked out.
export async function pushAccount(id: string): Promise<void> {
  const client = await pool.connect();
  let clientHeld = true;
  try {
    const { rows } = await client.query('SELECT * FROM accounts WHERE id = $1', [id]);
    client.release();
    clientHeld = false;
    await fetch(`${CRM_URL}/accounts/${id}`, { method: 'PUT', body: JSON.stringify(rows[0]) }); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)`: .* It may also never be released: some paths end without releasing it\.$"
    if (clientHeld) client.release();
  } catch (error) {
    console.error('CRM push failed', error);
  }
}
