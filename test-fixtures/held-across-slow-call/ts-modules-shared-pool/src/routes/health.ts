// Clean: a pool from the barrel, used only for a query while nothing slow runs.
import { Router } from 'express';
import { pool } from '../db';

export const health = Router();

health.get('/health', async (_req, res) => {
  const client = await pool.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    client.release();
  }
  res.json({ ok: true });
});
