// The Drizzle adapter, with the transaction host of a named connection.
import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterDrizzleOrm } from '@nestjs-cls/transactional-adapter-drizzle-orm';
import { orders } from './schema';

@Injectable()
export class ShippingService {
  constructor(@InjectTransactionHost('orders') private readonly txHost: TransactionHost<TransactionalAdapterDrizzleOrm<never>>) {}

  async ship(orderId: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      await this.txHost.tx.update(orders).set({ state: 'shipping' });
      await fetch(`https://carrier.example.com/labels/${orderId}`, { method: 'POST' }); // expect: held-across-slow-call "`fetch\(\)`"
    });
  }
}
