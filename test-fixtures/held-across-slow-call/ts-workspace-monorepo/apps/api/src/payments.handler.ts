// A workspace monorepo: `@shop/db` is imported by its package name, and the database arrives
// through the constructor, so only the declared type says `this.db.runInTransaction()` is the
// package's transaction helper (type-aware: the nearest tsconfig.json, whatever folder the
// run starts from).
import { Database } from '@shop/db';
import { settleCapture } from './capture.js';

export class PaymentsHandler {
  constructor(private readonly db: Database) {}

  async capture(orderId: string): Promise<void> {
    await this.db.runInTransaction(async (client) => {
      await client.query('SELECT 1 FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
      await settleCapture(orderId); // expect: held-across-slow-call "`settleCapture\(\)`, which reaches `fetch\(\)`"
      await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['captured', orderId]);
    });
  }
}
