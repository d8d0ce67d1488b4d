// A project helper, as vendure's `TransactionWrapper`: it checks out a query runner, starts a
// transaction and runs the caller's work inside it, releasing the runner only afterwards.
import { DataSource } from 'typeorm';

export class TransactionWrapper {
  async executeInTransaction<T>(connection: DataSource, work: () => Promise<T>): Promise<T> {
    const queryRunner = connection.createQueryRunner();
    await queryRunner.startTransaction();
    try {
      const result = await work();
      await queryRunner.commitTransaction();
      return result;
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw error;
    } finally {
      await queryRunner.release();
    }
  }
}
