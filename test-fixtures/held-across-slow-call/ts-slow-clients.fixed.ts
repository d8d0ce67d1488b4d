import { Pool } from 'pg';
import got from 'got';
import { request } from 'undici';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import Stripe from 'stripe';
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { promisify } from 'node:util';
import { exec } from 'node:child_process';

const pool = new Pool();
const s3 = new S3Client({});
const stripe = new Stripe(process.env.STRIPE_KEY!);
const execAsync = promisify(exec);

export async function sync0(res: { write(s: string): void }): Promise<void> {
  await got('https://api.example.com/a'); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
  } finally {
    client.release();
  }
}

export async function sync1(res: { write(s: string): void }): Promise<void> {
  await got.post('https://api.example.com/b'); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
  } finally {
    client.release();
  }
}

export async function sync2(res: { write(s: string): void }): Promise<void> {
  await request('https://api.example.com/c'); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
  } finally {
    client.release();
  }
}

export async function sync4(res: { write(s: string): void }): Promise<void> {
  await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
  } finally {
    client.release();
  }
}

export async function sync5(res: { write(s: string): void }): Promise<void> {
  await stripe.charges.create({ amount: 100, currency: 'eur' }); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
  } finally {
    client.release();
  }
}

export async function sync6(res: { write(s: string): void }): Promise<void> {
  await pipeline(createReadStream('/tmp/a'), createWriteStream('/tmp/b')); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
  } finally {
    client.release();
  }
}

export async function sync7(res: { write(s: string): void }): Promise<void> {
  createReadStream('/tmp/big').pipe(res as never); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
  } finally {
    client.release();
  }
}

export async function sync8(res: { write(s: string): void }): Promise<void> {
  await Promise.all([execAsync('ls'), execAsync('pwd')]); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
  } finally {
    client.release();
  }
}

