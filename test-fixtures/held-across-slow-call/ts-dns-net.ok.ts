// Clean twin of ts-dns-net: the DNS query and the connection come before the client is taken.
import { resolveMx } from 'node:dns/promises';
import net from 'node:net';
import { Pool } from 'pg';

const pool = new Pool();

export async function checkDomain(domain: string): Promise<void> {
  const records = await resolveMx(domain);
  await new Promise((resolve, reject) => net.connect(25, domain).once('connect', resolve).once('error', reject));
  const client = await pool.connect();
  try {
    await client.query('UPDATE domains SET mx = $1 WHERE name = $2', [records.length, domain]);
  } finally {
    client.release();
  }
}
