// A service (no interceptor) that starts and commits the transaction through the project's
// connection service, and calls the payment provider only after the commit: nothing is held
// across it. Taken from their names, `startTransaction()` would open a transaction that
// `commitOpenTransaction()` never ends, and the refund would be reported.
import { RequestContext, TransactionalConnection } from './transactional-connection';

export class OrderService {
  constructor(private readonly connection: TransactionalConnection) {}

  async settle(ctx: RequestContext, orderId: string): Promise<boolean> {
    await this.connection.startTransaction(ctx);
    await this.connection.commitOpenTransaction(ctx);
    const refund = await fetch(`https://payments.example.com/orders/${orderId}/refund`, { method: 'POST' });
    return refund.ok;
  }
}
