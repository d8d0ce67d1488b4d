// Shape of @directus/api 39.2.1 dist/services/import/import.js importJSON() (corpus finding
// import.js:160, "held across `setTimeout()`"). The `setTimeout` in the promise executor is a
// deadline: its callback rejects, and it is cleared in `finally`; the promise settles when the
// work started next to it finishes. Here that work is a query on the transaction, so nothing
// slow is awaited. Reported today because any global timer started by an awaited executor is
// taken for a sleep, whatever its callback does. (In Directus the awaited work is the upload
// stream of the request, so that finding is right, for a reason the message does not give.)
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function importRows(rows, delay) {
  let timeout;
  return db.transaction(async (trx) => {
    try {
      await new Promise((resolve, reject) => {
        trx('items').insert(rows).then(() => resolve(), reject);
        timeout = setTimeout(() => {
          reject(new Error('Import timed out'));
        }, delay);
      });
    } finally {
      clearTimeout(timeout);
    }
  });
}
