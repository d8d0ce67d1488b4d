// A checkout holds a transaction while it asks the first of ten injected services, each in its
// own module, which reaches the carrier's API ten calls down: the chain is followed to the end
// (type-aware: only the constructors' declared types say which class each `next` is).
import { Pool } from 'pg';
import { OrdersService } from './orders';

export class CheckoutService {
  constructor(private readonly pool: Pool, private readonly orders: OrdersService) {}

  async checkout(id: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await this.orders.step(id); // expect: held-across-slow-call "^Pooled client `client` held across `this.orders.step\(\)`, which reaches `fetch\(\)`"
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  async checkoutFixed(id: string): Promise<void> {
    await this.orders.step(id);
    const client = await this.pool.connect();
    try {
      await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['shipped', id]);
    } finally {
      client.release();
    }
  }
}
