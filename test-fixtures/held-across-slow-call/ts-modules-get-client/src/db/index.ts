// The data layer hands out pooled clients; callers release them.
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export async function getClient(): Promise<PoolClient> {
  return pool.connect();
}

export const checkout = async (): Promise<PoolClient> => await pool.connect();

/** Runs a single query on whichever client is free: nothing is handed out. */
export async function query(text: string, values: unknown[] = []) {
  return pool.query(text, values);
}
