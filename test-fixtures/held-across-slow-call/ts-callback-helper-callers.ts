// A helper awaits its callback parameter between acquire and release. Two callers pass slow
// work: each is reported at its own slow code (a closure written at the call) or at its call
// of the helper (a function passed by name), and the helper's call of the callback is
// reported once, naming both. The caller that passes only queries is not named.
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client); // expect: held-across-slow-call "^Pooled client `client` held across `work\(\)`, which runs its callers' callbacks: 2 callers pass it slow work, `chargeOrder\(\)` \(line 30: `fetch\(\)`\) and `shipOrder\(\)` \(line 36: `fetch\(\)`\)"
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function capture(client: PoolClient): Promise<void> {
  await client.query("UPDATE orders SET state = 'paid'");
  await fetch('https://payments.example.com/capture', { method: 'POST' });
}

export async function chargeOrder(): Promise<void> {
  await inTransaction(capture); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)` in the callback"
}

export async function shipOrder(id: string): Promise<void> {
  await inTransaction(async (client) => {
    await client.query("UPDATE orders SET state = 'shipped' WHERE id = $1", [id]);
    await fetch(`https://carrier.example.com/labels/${id}`, { method: 'POST' }); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)` in the callback that `inTransaction\(\)` runs"
  });
}

export async function archiveOrder(id: string): Promise<void> {
  await inTransaction(async (client) => {
    await client.query("UPDATE orders SET state = 'archived' WHERE id = $1", [id]);
  });
}
