// The clean twin of `ts-workspace-monorepo`: the payment is captured before the transaction
// of `@shop/db` starts, so the transaction holds its client for the two queries only.
import { Database } from '@shop/db';

export class PaymentsHandler {
  constructor(private readonly db: Database) {}

  async capture(orderId: string): Promise<void> {
    await fetch(`https://psp.example.com/capture/${orderId}`, { method: 'POST' });
    await this.db.runInTransaction(async (client) => {
      await client.query('SELECT 1 FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
      await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['captured', orderId]);
    });
  }
}
