// The data layer imported as a namespace through its barrel.
import { Router } from 'express';
import * as db from '../db';

export const invoices = Router();

invoices.post('/invoices/:id/send', async (req, res) => {
  const client = await db.pool.connect();
  try {
    const { rows } = await client.query('SELECT * FROM invoices WHERE id = $1 FOR UPDATE', [req.params.id]);
    await fetch('https://mail.example.com/send', { method: 'POST', body: JSON.stringify(rows[0]) }); // expect: held-across-slow-call
    await client.query('UPDATE invoices SET sent_at = now() WHERE id = $1', [req.params.id]);
  } finally {
    client.release();
  }
  res.sendStatus(202);
});

// Clean: the invoice is read, the client released, then the mail is sent.
invoices.post('/invoices/:id/resend', async (req, res) => {
  const client = await db.pool.connect();
  let invoice: unknown;
  try {
    ({ rows: [invoice] } = await client.query('SELECT * FROM invoices WHERE id = $1', [req.params.id]));
  } finally {
    client.release();
  }
  await fetch('https://mail.example.com/send', { method: 'POST', body: JSON.stringify(invoice) });
  res.sendStatus(202);
});
