import { Pool, type PoolClient } from 'pg';

/** The transaction helper every app of the workspace uses. */
export class Database {
  private readonly pool = new Pool({ connectionString: process.env.DATABASE_URL });

  async runInTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}
