// A library's function that returns a promise around `https.request` is slow for the caller
// that awaits it; its `render` is not.
import { Pool } from 'pg';
import { deliver, render } from 'fake-mailer';

const pool = new Pool();

export async function welcome(userId: string): Promise<void> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT name, email FROM users WHERE id = $1', [userId]);
    const body = render('Hello {name}', rows[0]);
    await deliver({ to: rows[0].email, body }); // expect: held-across-slow-call
  } finally {
    client.release();
  }
}
