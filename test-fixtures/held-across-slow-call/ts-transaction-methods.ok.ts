// The remote calls run outside the transactions the helpers open on the connection they are
// given.
import type { PoolConnection } from 'mysql2/promise';
import type { QueryRunner } from 'typeorm';
import axios from 'axios';

export async function bookRoom(conn: PoolConnection, roomId: number): Promise<void> {
  await conn.beginTransaction();
  try {
    await conn.execute('UPDATE rooms SET booked = 1 WHERE id = ?', [roomId]);
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  }
  await axios.post('https://channel-manager.internal/bookings', { roomId });
}

export async function importInvoices(queryRunner: QueryRunner, batch: string): Promise<void> {
  const response = await fetch(`https://erp.internal/invoices?batch=${batch}`);
  const body = await response.text();
  await queryRunner.startTransaction();
  await queryRunner.query('INSERT INTO invoices SELECT * FROM json_populate_recordset(NULL::invoices, $1)', [body]);
  await queryRunner.commitTransaction();
}
