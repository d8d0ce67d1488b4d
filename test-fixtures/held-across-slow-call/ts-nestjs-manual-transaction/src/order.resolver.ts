// vendure's `modifyOrder`: `@Transaction('manual')` runs the method inside the interceptor's
// query runner, and the method starts the transaction on it itself, then refunds through the
// payment provider before it commits or rolls back. Two resources are held across the one
// refund call: one finding, which names both and says where the transaction ends.
import { Transaction } from './transaction.decorator';
import { RequestContext, TransactionalConnection } from './transactional-connection';

export class OrderResolver {
  constructor(private readonly connection: TransactionalConnection) {}

  @Transaction('manual')
  async modifyOrder(ctx: RequestContext, orderId: string, dryRun: boolean): Promise<boolean> {
    await this.connection.startTransaction(ctx);
    const refund = await fetch(`https://payments.example.com/orders/${orderId}/refund`, { method: 'POST' }); // expect: held-across-slow-call "held across `fetch\(\)`.*Also held across the same call: Transaction \(one finding for both"
    if (dryRun) {
      await this.connection.rollBackTransaction(ctx);
    } else {
      await this.connection.commitOpenTransaction(ctx);
    }
    return refund.ok;
  }
}
