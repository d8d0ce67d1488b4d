// A transaction written as SQL (`BEGIN` … `COMMIT`) on a client the helper is given: the rows it
// locks stay locked while the helper awaits another service.
import type { PoolClient } from 'pg';
import axios from 'axios';

export async function chargeInTx(client: PoolClient, orderId: string): Promise<void> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query('SELECT total FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
    await fetch('https://payments.internal/charges', { method: 'POST', body: JSON.stringify({ orderId, total: rows[0].total }) }); // expect: held-across-slow-call "^Transaction `client` held across `fetch\(\)`: it keeps the rows it wrote or locked locked until it ends"
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
    await axios.post('https://audit.internal/transfers', { from, to, amount }); // expect: held-across-slow-call "^Transaction `this.client` held across `axios.post\(\)`"
    await this.client.query(`begin isolation level serializable`);
    await this.client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, from]);
    await this.client.query('SAVEPOINT credit');
    try {
      await this.client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, to]);
    } catch {
      // Back to the savepoint: the transaction is still open.
      await this.client.query('ROLLBACK TO SAVEPOINT credit');
    }
    await this.client.query('COMMIT');
  }
}

// MySQL spelling (`START TRANSACTION`, ended by `END`): the second transaction is still open
// while the notification is sent.
export async function reserveSeat(conn: { query(sql: string, values?: unknown[]): Promise<unknown> }, seat: string): Promise<void> {
  await conn.query('START TRANSACTION');
  await conn.query('UPDATE seats SET taken = 1 WHERE id = ?', [seat]);
  await conn.query('COMMIT');
  await fetch(`https://notify.internal/seats/${seat}`); // expect: held-across-slow-call "^Transaction `conn` held across `fetch\(\)`"
  await conn.query('START TRANSACTION');
  await conn.query('UPDATE seats SET notified = 1 WHERE id = ?', [seat]);
  await conn.query('END');
}
