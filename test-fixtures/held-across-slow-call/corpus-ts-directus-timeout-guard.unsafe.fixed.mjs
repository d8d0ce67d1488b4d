// The slow counterparts of corpus-ts-directus-timeout-guard.ok.mjs: a deadline next to an HTTP
// call still waits for the call, and a timer whose callback resolves is a sleep.
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function importRemoteRows(url, delay) {
  let timeout;
  const rows = await new Promise((resolve, reject) => { // expect: held-across-slow-call "held across `fetch\(\)`"
    fetch(url).then((response) => response.json()).then(resolve, reject);
    timeout = setTimeout(() => reject(new Error('Import timed out')), delay);
  });
  return db.transaction(async (trx) => {
    try {
      await trx('items').insert(rows);
    } finally {
      clearTimeout(timeout);
    }
  });
}

export async function importRowsSlowly(rows, delay) {
  return db.transaction(async (trx) => {
    for (const row of rows) { // expect: held-across-slow-call "a loop that runs `setTimeout\(\)` on every iteration"
      await trx('items').insert(row);
      await new Promise((resolve) => {
        setTimeout(() => resolve(), delay);
      });
    }
  });
}
