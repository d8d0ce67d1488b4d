// The TypeORM adapter: `txHost.tx` is an EntityManager. `withTransaction()` takes a
// propagation mode (and options) before the callback.
import { Injectable } from '@nestjs/common';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import Stripe from 'stripe';

@Injectable()
export class BillingService {
  private readonly stripe = new Stripe(process.env.STRIPE_KEY ?? '');

  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async charge(invoiceId: string, customer: string, amount: number): Promise<void> {
    await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      await this.txHost.tx.getRepository('invoice').update({ id: invoiceId }, { state: 'charging' });
      await this.stripe.charges.create({ customer, amount, currency: 'eur' }); // expect: held-across-slow-call "`this.txHost` held across `this.stripe.charges.create\(\)`"
    });
  }

  // Clean: the charge first, then only the update inside the transaction.
  async chargeFixed(invoiceId: string, customer: string, amount: number): Promise<void> {
    await this.stripe.charges.create({ customer, amount, currency: 'eur' });
    await this.txHost.withTransaction({ isolationLevel: 'READ COMMITTED' }, async () => {
      await this.txHost.tx.getRepository('invoice').update({ id: invoiceId }, { state: 'paid' });
    });
  }
}
