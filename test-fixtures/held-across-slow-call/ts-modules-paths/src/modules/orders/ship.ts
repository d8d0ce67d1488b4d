// Imports through the tsconfig's `paths` (`@/…`, `@lib/…`) and `baseUrl` (`src/…`), set in
// the config it extends.
import { pool } from '@lib/db';
import { bookCourier } from 'src/services/shipping';
import { missingHelper } from '@/services/missing';

export async function shipOrder(orderId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('UPDATE orders SET state = $1 WHERE id = $2', ['shipping', orderId]);
    const tracking = await bookCourier(orderId); // expect: held-across-slow-call
    await client.query('UPDATE orders SET tracking = $1 WHERE id = $2', [tracking, orderId]);
  } finally {
    client.release();
  }
}

// Clean: the courier is booked before the client is taken; an unresolved import is not guessed.
export async function shipOrderFixed(orderId: string): Promise<void> {
  const tracking = await bookCourier(orderId);
  const client = await pool.connect();
  try {
    await client.query('UPDATE orders SET tracking = $1 WHERE id = $2', [tracking, orderId]);
    await missingHelper(orderId);
  } finally {
    client.release();
  }
}
