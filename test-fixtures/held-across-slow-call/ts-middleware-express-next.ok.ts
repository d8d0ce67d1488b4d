import express from 'express';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const app = express();

// Express's next() returns before an async handler is done (it does not hand back the
// handler's promise), so the transaction commits while the handler still waits on fetch():
// awaiting next() holds nothing across it. (A transaction for the request this way is a bug of
// another kind: the handler's queries on req.trx run after the commit.)
app.use(async (req, res, next) => {
  await db.transaction(async (trx) => {
    (req as any).trx = trx;
    await next();
  });
});

app.post('/orders/:id/pay', async (req, res) => {
  await fetch(`https://payments.example/charge/${req.params.id}`, { method: 'POST' });
  res.sendStatus(204);
});
