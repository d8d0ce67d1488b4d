// Type-aware mode (there is a tsconfig.json): the pool arrives through the constructor, so
// only its declared type says it is a pg Pool. The client it hands out is held across the
// payment call.
import { Pool } from 'pg';

export class OrdersService {
  constructor(private readonly pool: Pool) {}

  async place(orderId: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['paying', orderId]);
      await fetch(`https://payments.example.com/charge/${orderId}`, { method: 'POST' }); // expect: held-across-slow-call
      await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['paid', orderId]);
    } finally {
      client.release();
    }
  }

  async placeFixed(orderId: string): Promise<void> {
    await fetch(`https://payments.example.com/charge/${orderId}`, { method: 'POST' });
    const client = await this.pool.connect();
    try {
      await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['paid', orderId]);
    } finally {
      client.release();
    }
  }
}
