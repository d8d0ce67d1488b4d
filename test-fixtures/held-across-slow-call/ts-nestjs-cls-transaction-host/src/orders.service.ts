// nestjs-cls: `txHost.withTransaction(cb)` runs the callback in a transaction that `txHost.tx`
// reaches through async-local storage, so the callback has no parameter for it. Only the
// injected `TransactionHost` type says what `this.txHost` is (type-aware mode).
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';

@Injectable()
export class OrdersService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterPrisma>) {}

  async pay(orderId: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      await this.txHost.tx.order.update({ where: { id: orderId }, data: { state: 'paying' } });
      await fetch(`https://payments.example.com/charge/${orderId}`, { method: 'POST' }); // expect: held-across-slow-call "^Transaction `this.txHost` held across `fetch\(\)`"
    });
  }

  // The charge before the transaction: nothing slow while it is open.
  async payFixed(orderId: string): Promise<void> {
    await fetch(`https://payments.example.com/charge/${orderId}`, { method: 'POST' });
    await this.txHost.withTransaction(async () => {
      await this.txHost.tx.order.update({ where: { id: orderId }, data: { state: 'paid' } });
    });
  }
}
