// Transactions opened with a method instead of SQL, on a connection the helper is given:
// mysql2 `beginTransaction()` … `commit()`, TypeORM `startTransaction()` … `commitTransaction()`.
import type { PoolConnection } from 'mysql2/promise';
import type { QueryRunner } from 'typeorm';
import axios from 'axios';

export async function bookRoom(conn: PoolConnection, roomId: number): Promise<void> {
  await conn.beginTransaction();
  try {
    await conn.execute('UPDATE rooms SET booked = 1 WHERE id = ?', [roomId]);
    await axios.post('https://channel-manager.internal/bookings', { roomId }); // expect: held-across-slow-call "^Transaction `conn` held across `axios.post\(\)`"
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  }
}

export async function importInvoices(queryRunner: QueryRunner, batch: string): Promise<void> {
  const response = await fetch(`https://erp.internal/invoices?batch=${batch}`); // expect: held-across-slow-call "^Transaction `queryRunner` held across `fetch\(\)`"
  await queryRunner.startTransaction();
  await queryRunner.query('INSERT INTO invoices SELECT * FROM json_populate_recordset(NULL::invoices, $1)', [await response.text()]);
  await queryRunner.commitTransaction();
}
