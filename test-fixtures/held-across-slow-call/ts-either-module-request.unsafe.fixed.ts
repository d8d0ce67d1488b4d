// An HTTP core that picks `https` or `http` by the URL's protocol, as braintree's (`let client
// = ssl ? https : http; client.request(…)`) and node-fetch 2's (`const send = (secure ? https :
// http).request; send(…)`) do: slow whichever module the condition picks.
import * as http from 'http';
import * as https from 'https';
import { Pool } from 'pg';

const pool = new Pool();

function post(url: URL, body: string): Promise<number> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'POST' }, (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    req.end(body);
  });
}

function get(url: URL): Promise<void> {
  const send = (url.protocol === 'https:' ? https : http).request;
  return new Promise((resolve) => {
    send(url, () => resolve()).end();
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

export async function pingHeld(orderId: string): Promise<void> {
  await get(new URL('https://hooks.example/ping')); // expect: held-across-slow-call "held across `get\(\)`"
  const client = await pool.connect();
  try {
    await client.query('UPDATE orders SET pinged = true WHERE id = $1', [orderId]);
  } finally {
    client.release();
  }
}
