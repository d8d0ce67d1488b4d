// Express middleware that does not keep its client for the routes: released before `next()`,
// or released right after `next()` returns (which, in Express, is before an async route is done:
// the route's slow work is not held), or only on an error response that calls no `next()`.
import express, { type NextFunction, type Request, type Response } from 'express';
import { Pool } from 'pg';

const pool = new Pool();
const app = express();

app.use(async (req: Request, _res: Response, next: NextFunction) => {
  const client = await pool.connect();
  try {
    (req as any).user = (await client.query('SELECT * FROM users WHERE token = $1', [req.headers.authorization])).rows[0];
  } finally {
    client.release();
  }
  next();
});

app.use(async (req: Request, _res: Response, next: NextFunction) => {
  const client = await pool.connect();
  (req as any).audit = client;
  next();
  client.release();
});

app.use(async (req: Request, res: Response, next: NextFunction) => {
  if (req.headers.authorization) {
    next();
    return;
  }
  const client = await pool.connect();
  res.on('finish', () => client.release());
  await client.query('INSERT INTO refused (path) VALUES ($1)', [req.path]);
  res.sendStatus(401);
});

app.post('/orders/:id/pay', async (req: Request, res: Response) => {
  await fetch(`https://payments.example/charge/${req.params.id}`, { method: 'POST' });
  res.sendStatus(204);
});
