import { pool } from '@/lib/db';

// Clean: only database work while the client is held.
export async function cancelOrder(orderId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['cancelled', orderId]);
  } finally {
    client.release();
  }
}
