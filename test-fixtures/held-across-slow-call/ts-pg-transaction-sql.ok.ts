// The same helpers with the remote calls moved out of the SQL transactions: before `BEGIN` or
// after `COMMIT`. A query on the client inside the transaction is what it is for, and a
// statement that ends and begins nothing (`SAVEPOINT`, `ROLLBACK TO`) changes nothing.
import type { PoolClient } from 'pg';
import axios from 'axios';

export async function chargeInTx(client: PoolClient, orderId: string): Promise<void> {
  const { rows } = await client.query('SELECT total FROM orders WHERE id = $1', [orderId]);
  await fetch('https://payments.internal/charges', { method: 'POST', body: JSON.stringify({ orderId, total: rows[0].total }) });
  await client.query('BEGIN');
  try {
    await client.query('UPDATE orders SET paid = true WHERE id = $1', [orderId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export class LedgerRepository {
  constructor(private readonly client: PoolClient) {}

  async transfer(from: string, to: string, amount: number): Promise<void> {
    await this.client.query(`begin isolation level serializable`);
    await this.client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, from]);
    await this.client.query('SAVEPOINT credit');
    try {
      await this.client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, to]);
    } catch {
      await this.client.query('ROLLBACK TO SAVEPOINT credit');
    }
    await this.client.query('COMMIT');
    await axios.post('https://audit.internal/transfers', { from, to, amount });
  }
}

// One round trip that begins and commits: nothing stays open after it.
export async function reserveSeat(conn: { query(sql: string, values?: unknown[]): Promise<unknown> }, seat: string): Promise<void> {
  await conn.query('START TRANSACTION; UPDATE seats SET taken = 1; COMMIT;');
  await fetch(`https://notify.internal/seats/${seat}`);
}
