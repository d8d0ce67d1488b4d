import axios from 'axios';
import { Router } from 'express';
import { Pool } from 'pg';

const pool = new Pool();
export const router = Router();

// Acquires and releases on its own: callers hold nothing.
async function loadAccount(id: string) {
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT * FROM accounts WHERE id = $1', [id]);
    return rows[0];
  } finally {
    client.release();
  }
}

async function notifyAudit(accountId: string, action: string): Promise<void> {
  await axios.post('https://audit.internal/events', { accountId, action });
}

// A transaction that calls a helper of this file doing an HTTP request.
async function deactivateAccount(id: string): Promise<void> {
  await notifyAudit(id, 'deactivate'); // expect: held-across-slow-call "^Pooled client `client` held across `notifyAudit\(\)`, which reaches `axios.post\(\)`"
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET active = false WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

router.get('/accounts/:id', async (req, res) => {
  const account = await loadAccount(req.params.id);
  const avatar = await axios.get(account.avatarUrl);
  res.json({ ...account, avatar: avatar.data });
});

router.delete('/accounts/:id', async (req, res) => {
  await deactivateAccount(req.params.id);
  res.status(204).end();
});
