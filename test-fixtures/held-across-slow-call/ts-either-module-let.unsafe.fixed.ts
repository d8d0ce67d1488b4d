// A `let` chosen between the two modules and never set again is the module chosen, in a function
// that sets another name (`attempts`): what the scope writes is known once per scope, and a write
// of one name says nothing of another.
import * as http from 'http';
import * as https from 'https';
import { Pool } from 'pg';

const pool = new Pool();

function post(url: URL, body: string): Promise<number> {
  let attempts = 0;
  let client = url.protocol === 'https:' ? https : http;
  attempts = attempts + 1;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'POST' }, () => resolve(attempts));
    req.on('error', reject);
    req.end(body);
  });
}

export async function notifyHeld(orderId: string): Promise<void> {
  await post(new URL('https://hooks.example/orders'), orderId); // expect: held-across-slow-call "held across `post\(\)`"
  const client = await pool.connect();
  try {
    await client.query('UPDATE orders SET notified = true WHERE id = $1', [orderId]);
  } finally {
    client.release();
  }
}
