// The clean forms of pg-sleep-process.ts: the client goes back to the pool between polls, and
// the archive is built before a client is taken for the bookkeeping.
import { exec } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Pool } from 'pg';

const execAsync = promisify(exec);
const pool = new Pool();

async function replicationLag(): Promise<number> {
  const { rows } = await pool.query('SELECT replication_lag() AS lag');
  return Number(rows[0].lag);
}

export async function waitForReplica(): Promise<void> {
  while ((await replicationLag()) > 0) {
    await delay(500);
  }
}

export async function backup(): Promise<void> {
  await execAsync('tar czf /backups/data.tgz /var/lib/data');
  const client = await pool.connect();
  try {
    await client.query('INSERT INTO backups (taken_at) VALUES (now())');
  } finally {
    client.release();
  }
}
