// Type-aware mode (there is a tsconfig.json): both services arrive through the constructor,
// so only their declared types say that `this.db.pool` is a pg Pool and that
// `this.billing.charge()` is BillingService.charge of another module.
import { Injectable } from '@nestjs/common';
import { BillingService } from '../billing/billing.service';
import { DatabaseService } from '../database/database.service';

@Injectable()
export class OrdersService {
  constructor(
    private readonly db: DatabaseService,
    private readonly billing: BillingService,
  ) {}

  async pay(orderId: string, customerId: string, amount: number): Promise<void> {
    const client = await this.db.pool.connect();
    try {
      await client.query('SELECT 1 FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
      const chargeId = await this.billing.charge(customerId, amount); // expect: held-across-slow-call
      await client.query('UPDATE orders SET charge_id = $1 WHERE id = $2', [chargeId, orderId]);
    } finally {
      client.release();
    }
  }

  // Clean: charge first, then hold the client for the update only.
  async payThenRecord(orderId: string, customerId: string, amount: number): Promise<void> {
    const chargeId = await this.billing.charge(customerId, amount);
    const client = await this.db.pool.connect();
    try {
      await client.query('UPDATE orders SET charge_id = $1 WHERE id = $2', [chargeId, orderId]);
    } finally {
      client.release();
    }
  }
}
