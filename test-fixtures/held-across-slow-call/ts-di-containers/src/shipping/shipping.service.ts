// InversifyJS: a knex instance injected through the constructor and the payments client
// through a property, both by symbol.
import { inject, injectable } from 'inversify';
import type { Knex } from 'knex';
import { PaymentsClient } from '../payments/payments-client';
import { TYPES } from './types';

@injectable()
export class ShippingService {
  @inject(TYPES.Payments) private readonly payments!: PaymentsClient;

  constructor(@inject(TYPES.Db) private readonly db: Knex) {}

  async ship(orderId: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx('orders').where({ id: orderId }).update({ state: 'shipping' });
      await this.payments.charge(orderId); // expect: held-across-slow-call "^knex transaction `trx` held across `this.payments.charge\(\)`"
    });
  }

  // Clean: only the update inside the transaction.
  async shipFixed(orderId: string): Promise<void> {
    await this.payments.charge(orderId);
    await this.db.transaction(async (trx) => {
      await trx('orders').where({ id: orderId }).update({ state: 'shipped' });
    });
  }
}
