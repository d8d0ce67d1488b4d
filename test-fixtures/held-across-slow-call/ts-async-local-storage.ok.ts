// Clean twin of ts-async-local-storage-transaction: async-local storage runs the callback it is
// given at once, but here only after the client is released; and a project class's own `run()`
// that only queues the callback runs nothing while the client is held.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, type PoolClient } from 'pg';

class LaterQueue {
  private readonly queue: (() => Promise<void>)[] = [];
  run(_client: PoolClient, work: () => Promise<void>): void {
    this.queue.push(work);
  }
}

const pool = new Pool();
const storage = new AsyncLocalStorage<string>();
const later = new LaterQueue();

export async function auditThenRun(requestId: string, work: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('INSERT INTO audit (request_id) VALUES ($1)', [requestId]);
  } finally {
    client.release();
  }
  await storage.run(requestId, work);
}

export async function queueWork(work: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    later.run(client, work);
  } finally {
    client.release();
  }
}

export async function notify(requestId: string): Promise<void> {
  await auditThenRun(requestId, async () => {
    await fetch('https://hooks.example.com/notify', { method: 'POST', body: requestId });
  });
  await queueWork(async () => {
    await fetch('https://hooks.example.com/later', { method: 'POST', body: requestId });
  });
}
