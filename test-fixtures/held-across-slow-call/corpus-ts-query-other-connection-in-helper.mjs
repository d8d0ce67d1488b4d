// @directus/api 39.2.1 (dist/services/items.js, dist/database/errors/dialects/mssql.js): inside
// the transaction, a database error is translated by a function that asks the base knex (a
// lazy getter of the shared instance) for the index's columns: a second pool connection while
// the transaction's is held (reported as `database` work, info). The corpus site does it in a
// `catch` (see docs/corpus-repros/held-across-slow-call/corpus-ts-catch-after-failed-query.mjs);
// here it is straight-line code.
import knex from 'knex';

let database = null;
function getDatabase() {
  if (database) return database;
  database = knex({ client: 'mssql', connection: process.env.DB_URL });
  return database;
}

const transaction = async (knex$1, handler) => {
  if (knex$1.isTransaction) return handler(knex$1);
  return await knex$1.transaction((trx) => handler(trx));
};

async function uniqueViolation(error) {
  const db = getDatabase();
  const usage = await db.select('sys.columns.name as field').from('sys.indexes').where('sys.indexes.name', '=', error.keyName).first();
  return new Error(`value of ${usage?.field} is not unique`);
}

export async function createOne(collection, data, error) {
  return await transaction(getDatabase(), async (trx) => {
    await trx.insert(data).into(collection);
    if (error) throw await uniqueViolation(error); // expect: held-across-slow-call "which reaches `db.select\(\)` on another connection"
  });
}
