// @directus/api 39.2.1 (dist/database/index.js `getDatabase()`, used as `database_default()`
// everywhere): the knex instance is created lazily by a getter function of the project and
// cached in a module variable. Missed by the review's engine (a672f76): a knex instance returned
// by a project function is not followed. Now `getDatabase().transaction(cb)` is recognised by
// shape (the receiver is not typed). (Ghost's `db.knex`, a property of
// a module's export, is the same problem in another form.)
import knex from 'knex';

let database = null;

export function getDatabase() {
  if (database) return database;
  database = knex({ client: 'pg', connection: process.env.DATABASE_URL });
  return database;
}

export async function moveFile(key, target) {
  await fetch(`https://storage.example.com/move?to=${encodeURIComponent(target)}`, { method: 'POST' }); // expect: held-across-slow-call
  await getDatabase().transaction(async (trx) => {
    await trx('directus_files').where({ id: key }).update({ filename_disk: target });
  });
}
