// A default-exported pool, and an S3 client shared by another module.
import { Router } from 'express';
import replica from '../db/reporting';
import { s3 } from '../services/storage';
import { PutObjectCommand } from '@aws-sdk/client-s3';

export const reports = Router();

reports.post('/reports/:id/export', async (req, res) => {
  const client = await replica.connect();
  try {
    const { rows } = await client.query('SELECT * FROM sales WHERE report_id = $1', [req.params.id]);
    await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: `${req.params.id}.json`, Body: JSON.stringify(rows) })); // expect: held-across-slow-call
  } finally {
    client.release();
  }
  res.sendStatus(202);
});

reports.post('/reports/:id/export-after-read', async (req, res) => {
  const client = await replica.connect();
  let rows: unknown[];
  try {
    ({ rows } = await client.query('SELECT * FROM sales WHERE report_id = $1', [req.params.id]));
  } finally {
    client.release();
  }
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: `${req.params.id}.json`, Body: JSON.stringify(rows) }));
  res.sendStatus(202);
});
