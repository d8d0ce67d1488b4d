// The same choice, but one branch is a local recorder used in tests, not a module: which code
// runs is not known to be slow, so nothing is said. And a `let` chosen between the modules but
// then set to the recorder is not taken for its first value.
import * as https from 'https';
import { Pool } from 'pg';

const pool = new Pool();
const recorder = { request: (url: URL) => ({ url, end: () => undefined }) };

function send(url: URL, offline: boolean): void {
  const client = offline ? recorder : https;
  client.request(url).end();
}

function sendAgain(url: URL, offline: boolean): void {
  let client = offline ? https : https;
  if (offline) client = recorder as unknown as typeof https;
  client.request(url).end();
}

export async function notifyHeld(orderId: string, offline: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('UPDATE orders SET notified = true WHERE id = $1', [orderId]);
    send(new URL('https://hooks.example/orders'), offline);
    sendAgain(new URL('https://hooks.example/orders'), offline);
  } finally {
    client.release();
  }
}
