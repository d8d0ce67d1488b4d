import { DataSource } from 'typeorm';
import axios from 'axios';

export const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

export class TransferService {
  async transfer(from: string, to: string, amount: number): Promise<void> {
    await axios.post('https://fraud.internal/score', { from, to, amount }); // expect: held-across-slow-call "^TypeORM query runner `queryRunner` held across `axios.post\(\)`.*: it keeps a connection checked out of the pool"
    const queryRunner = dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      await queryRunner.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, from]);
      await queryRunner.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, to]);
      await queryRunner.commitTransaction();
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  async close(accountId: string): Promise<void> {
    await fetch(`https://crm.internal/accounts/${accountId}/closed`, { method: 'POST' }); // expect: held-across-slow-call "^TypeORM transaction `manager` held across `fetch\(\)`"
    await dataSource.transaction(async (manager) => {
      await manager.query('UPDATE accounts SET closed = true WHERE id = $1', [accountId]);
    });
  }
}
