// `@shop/db` imported by its package name: the transaction helper and the audit call are found
// only through the build config the package's scripts name.
import { audit, Database } from '@shop/db';

export class PaymentsHandler {
  constructor(private readonly db: Database) {}

  async capture(orderId: string): Promise<void> {
    await this.db.runInTransaction(async (client) => {
      await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['captured', orderId]);
      await audit('captured', orderId); // expect: held-across-slow-call "`audit\(\)`, which reaches `fetch\(\)`"
    });
  }
}
