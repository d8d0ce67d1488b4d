// Helpers that hand their callback parameter straight to a catalog scope: the helper runs its
// callers' callbacks with the resource held (reported at the helper's call, as for withClient).
import { Mutex } from 'async-mutex';
import express from 'express';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const mutex = new Mutex();
const app = express();

function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  return mutex.runExclusive(fn);
}

function inTransaction<T>(work: (trx: unknown) => Promise<T>): Promise<T> {
  return db.transaction((trx) => work(trx));
}

app.post('/jobs', async (req, res) => {
  await exclusive(async () => {
    await fetch('https://jobs.example.com/run', { method: 'POST' }); // expect: held-across-slow-call "^Mutex `mutex` held across `fetch\(\)` in the callback that `exclusive\(\)` runs with it"
  });
  await inTransaction(async () => {
    await fetch('https://jobs.example.com/audit', { method: 'POST' }); // expect: held-across-slow-call "^knex transaction `trx` held across `fetch\(\)` in the callback that `inTransaction\(\)` runs with it"
  });
  res.sendStatus(204);
});
