// tsyringe: the pool is registered under a token and the payments client by its class; only
// the constructor's declared types say what they are (type-aware mode).
import 'reflect-metadata';
import { inject, injectable } from 'tsyringe';
import { Pool } from 'pg';
import { PaymentsClient } from '../payments/payments-client';

@injectable()
export class OrdersService {
  constructor(
    @inject('DbPool') private readonly pool: Pool,
    private readonly payments: PaymentsClient,
  ) {}

  async place(orderId: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['paying', orderId]);
      await this.payments.charge(orderId); // expect: held-across-slow-call "^Pooled client `client` held across `this.payments.charge\(\)`, which reaches `fetch\(\)`"
    } finally {
      client.release();
    }
  }

  // Clean: the charge before the client is checked out.
  async placeFixed(orderId: string): Promise<void> {
    await this.payments.charge(orderId);
    const client = await this.pool.connect();
    try {
      await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['paid', orderId]);
    } finally {
      client.release();
    }
  }
}
