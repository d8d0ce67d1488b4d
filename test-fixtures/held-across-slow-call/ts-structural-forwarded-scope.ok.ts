// Clean counterpart of ts-structural-forwarded-scope.ts: the callbacks only do in-memory and
// database work; the HTTP calls run after the helpers have returned.
import { Mutex } from 'async-mutex';
import express from 'express';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const mutex = new Mutex();
const app = express();
let counter = 0;

function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  return mutex.runExclusive(fn);
}

function inTransaction<T>(work: (trx: any) => Promise<T>): Promise<T> {
  return db.transaction((trx) => work(trx));
}

app.post('/jobs', async (req, res) => {
  const id = await exclusive(async () => ++counter);
  await inTransaction(async (trx) => trx('jobs').insert({ id }));
  await fetch('https://jobs.example.com/run', { method: 'POST', body: String(id) });
  res.sendStatus(204);
});
