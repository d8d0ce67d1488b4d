// Two helpers that run the caller's work inside a transaction held in async-local storage:
// `storage.run(store, work)` calls `work` at once, with the client (or `trx`) checked out.
import { Pool } from 'pg';
import knex from 'knex';
import { clientStorage, trxStorage } from './context';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function inTransaction<T>(work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await clientStorage.run(client, work);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export function inKnexTransaction<T>(work: () => Promise<T>): Promise<T> {
  return db.transaction((trx) => trxStorage.run(trx, () => work()));
}
