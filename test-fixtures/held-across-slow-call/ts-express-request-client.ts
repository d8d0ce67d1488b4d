// Express: a middleware checks a pooled client out for the request, hands it to the routes
// (`req.db`, `res.locals.client`) and releases it only when the response ends. Its own `next()`
// returns at once, but the client stays checked out across every route behind it.
import express, { type NextFunction, type Request, type Response } from 'express';
import { Pool } from 'pg';

const pool = new Pool();
const app = express();

app.use(async (req: Request, res: Response, next: NextFunction) => {
  const client = await pool.connect();
  (req as any).db = client;
  res.on('finish', () => client.release());
  next(); // expect: held-across-slow-call "^Pooled client `client` held across `next\(\)`, which runs its callers' callbacks: 2 callers pass it slow work"
});

app.post('/orders/:id/pay', async (req: Request, res: Response) => {
  await (req as any).db.query('UPDATE orders SET state = $1 WHERE id = $2', ['paying', req.params.id]);
  await fetch(`https://payments.example/charge/${req.params.id}`, { method: 'POST' }); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)`"
  res.sendStatus(204);
});

app.get('/rates', async (_req: Request, res: Response) => {
  res.json(await (await fetch('https://rates.example/today')).json()); // expect: held-across-slow-call "^Pooled client `client` held across `fetch\(\)`"
});
