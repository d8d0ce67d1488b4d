// The fix that releases a pooled client before slow work that uses what the client read, and
// acquires a new one after it: each function shows one case.
// Golden file: ts-fix-reacquire-client.unsafe.fixed.ts (the fix is unsafe: the new client has
// none of the old one's session state).
import { Pool } from 'pg';
import mysql from 'mysql2/promise';

const pool = new Pool();
const mysqlPool = mysql.createPool({ uri: process.env.DATABASE_URL });

// Unsafe: the fetch needs the row the client read; the `finally` releases only while it is held.
export async function profileOf(id: string): Promise<unknown> {
  const client = await pool.connect();
  try {
    const user = await client.query('SELECT id, avatar FROM users WHERE id = $1', [id]);
    const avatar = await fetch(`https://avatars.example.com/${user.rows[0].avatar}`); // expect: held-across-slow-call
    await client.query('UPDATE users SET avatar_checked = now() WHERE id = $1', [id]);
    return { user: user.rows[0], ok: avatar.ok };
  } finally {
    client.release();
  }
}

// Unsafe, without a `try`: nothing releases the client when the fetch fails, so no flag is needed.
export async function touch(id: string): Promise<void> {
  const connection = await mysqlPool.getConnection();
  const [rows] = await connection.query('SELECT callback_url FROM hooks WHERE id = ?', [id]);
  await fetch((rows as { callback_url: string }[])[0]!.callback_url, { method: 'POST' }); // expect: held-across-slow-call
  await connection.query('UPDATE hooks SET called_at = NOW() WHERE id = ?', [id]);
  connection.release();
}

// Unsafe, and nothing after the upload needs the client: it is released before it and not
// acquired again; the `finally` releases it only on the paths where it is still held.
export async function exportRows(reportId: string, empty: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT * FROM sales WHERE report_id = $1', [reportId]);
    if (empty && rows.length === 0) return;
    await fetch(`https://storage.example.com/reports/${reportId}`, { method: 'PUT', body: JSON.stringify(rows) }); // expect: held-across-slow-call
  } finally {
    client.release();
  }
}

// Unsafe, in a loop: released before each call and acquired again after it, as the next round
// uses it.
export async function pingAll(ids: string[]): Promise<void> {
  const client = await pool.connect();
  try {
    for (const id of ids) { // expect: held-across-slow-call
      const { rows } = await client.query('SELECT url FROM hooks WHERE id = $1', [id]);
      await fetch(rows[0].url, { method: 'POST' });
    }
  } finally {
    client.release();
  }
}

// Display-only: the client is in a transaction at the fetch; the fix would split it in two.
export async function chargeOrder(orderId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT total FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
    await fetch('https://payments.example.com/charges', { method: 'POST', body: JSON.stringify({ orderId, total: rows[0].total }) }); // expect: held-across-slow-call
    await client.query('UPDATE orders SET paid = true WHERE id = $1', [orderId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

// Display-only: the `catch` writes with the client; after a failed fetch it would be skipped.
export async function notify(id: string): Promise<void> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT url FROM webhooks WHERE id = $1', [id]);
    await fetch(rows[0].url, { method: 'POST' }); // expect: held-across-slow-call
  } catch (error) {
    await client.query('INSERT INTO webhook_failures (id) VALUES ($1)', [id]);
    throw error;
  } finally {
    client.release();
  }
}

// No fix: the client is handed to a helper before the fetch, which may keep it.
export async function audited(id: string): Promise<void> {
  const client = await pool.connect();
  try {
    const audit = await startAudit(client, id);
    await fetch(`https://audit.example.com/${audit}`); // expect: held-across-slow-call
    await client.query('UPDATE audits SET sent = true WHERE id = $1', [audit]);
  } finally {
    client.release();
  }
}

// No fix: the client is used in a callback, which may run while it is released.
export async function each(ids: string[]): Promise<void> {
  const client = await pool.connect();
  try {
    const rows = await Promise.all(ids.map((id) => client.query('SELECT url FROM hooks WHERE id = $1', [id])));
    await fetch(rows[0]!.rows[0].url); // expect: held-across-slow-call
  } finally {
    client.release();
  }
}

async function startAudit(client: { query(sql: string, values: unknown[]): Promise<{ rows: { id: string }[] }> }, id: string): Promise<string> {
  const { rows } = await client.query('INSERT INTO audits (subject) VALUES ($1) RETURNING id', [id]);
  return rows[0]!.id;
}
