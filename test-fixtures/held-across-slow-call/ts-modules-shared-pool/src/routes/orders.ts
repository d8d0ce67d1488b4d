// The pool comes from another module: the client it hands out is held across the payment call.
import { Router } from 'express';
import axios from 'axios';
import { pool } from '../db/pool';

export const orders = Router();

orders.post('/orders/:id/pay', async (req, res) => {
  const client = await pool.connect();
  try {
    await client.query('SELECT 1 FROM orders WHERE id = $1 FOR UPDATE', [req.params.id]);
    const { data } = await axios.post('https://payments.example.com/v1/charges', { order: req.params.id }); // expect: held-across-slow-call "client"
    await client.query('UPDATE orders SET charge_id = $1 WHERE id = $2', [data.id, req.params.id]);
  } finally {
    client.release();
  }
  res.sendStatus(204);
});

// The clean form: charge first, then hold the client only for the update.
orders.post('/orders/:id/pay-then-record', async (req, res) => {
  const { data } = await axios.post('https://payments.example.com/v1/charges', { order: req.params.id });
  const client = await pool.connect();
  try {
    await client.query('UPDATE orders SET charge_id = $1 WHERE id = $2', [data.id, req.params.id]);
  } finally {
    client.release();
  }
  res.sendStatus(204);
});
