// Clean counterpart of corpus-ts-query-other-connection-in-helper.mjs: the function that
// translates the error is given the transaction and asks it, on the connection already held.
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

async function uniqueViolation(db, error) {
  const usage = await db.select('sys.columns.name as field').from('sys.indexes').where('sys.indexes.name', '=', error.keyName).first();
  return new Error(`value of ${usage?.field} is not unique`);
}

export async function createOne(collection, data, error) {
  return await transaction(getDatabase(), async (trx) => {
    await trx.insert(data).into(collection);
    if (error) throw await uniqueViolation(trx, error);
  });
}
