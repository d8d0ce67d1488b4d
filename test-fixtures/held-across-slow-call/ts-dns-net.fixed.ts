// A DNS query and a raw TCP connection wait on the network: awaited while a pooled client is
// held, the other requests wait for the client as long.
import { resolveMx } from 'node:dns/promises';
import net from 'node:net';
import { once } from 'node:events';
import { Pool } from 'pg';

const pool = new Pool();

export async function checkDomain(domain: string): Promise<void> {
  const records = await resolveMx(domain); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
    await client.query('UPDATE domains SET mx = $1 WHERE name = $2', [records.length, domain]);
  } finally {
    client.release();
  }
}

export async function probeSmtp(host: string): Promise<void> {
  await new Promise((resolve, reject) => net.connect(25, host).once('connect', resolve).once('error', reject)); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
    await client.query('UPDATE hosts SET smtp = true WHERE name = $1', [host]);
  } finally {
    client.release();
  }
}
