import { exec } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Pool } from 'pg';

const execAsync = promisify(exec);
const pool = new Pool();

export async function waitForReplica(): Promise<void> {
  let client = await pool.connect();
  let clientHeld = true;
  try {
    let lag = Number((await client.query('SELECT replication_lag()')).rows[0].lag);
    while (lag > 0) { // expect: held-across-slow-call "a loop that runs `delay\(\)` on every iteration"
      client.release();
      clientHeld = false;
      await delay(500);
      client = await pool.connect();
      clientHeld = true;
      lag = Number((await client.query('SELECT replication_lag()')).rows[0].lag);
    }
  } finally {
    if (clientHeld) client.release();
  }
}

export async function backup(): Promise<void> {
  const client = await pool.connect();
  await client.query('SELECT pg_start_backup($1)', ['nightly']);
  await execAsync('tar czf /backups/data.tgz /var/lib/data'); // expect: held-across-slow-call "`execAsync\(\)`"
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await client.query('SELECT pg_stop_backup()');
  client.release();
}

// The callback form runs the process in the background: nothing waits here.
export async function startReindex(): Promise<void> {
  const client = await pool.connect();
  exec('reindex-search', () => undefined);
  await client.query('UPDATE jobs SET started = now()');
  client.release();
}
