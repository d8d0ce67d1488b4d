import { Pool } from 'pg';
import got from 'got';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import Stripe from 'stripe';
import { promisify } from 'node:util';
import { exec } from 'node:child_process';

const pool = new Pool();
const s3 = new S3Client({});
const stripe = new Stripe(process.env.STRIPE_KEY!);
const execAsync = promisify(exec);

// The slow calls run before the client is checked out.
export async function sync(): Promise<void> {
  const data = await got('https://api.example.com/a');
  await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
  await stripe.charges.create({ amount: 100, currency: 'eur' });
  await Promise.all([execAsync('ls'), execAsync('pwd')]);
  const client = await pool.connect();
  try {
    await client.query('INSERT INTO log VALUES ($1)', [String(data)]);
  } finally {
    client.release();
  }
}
