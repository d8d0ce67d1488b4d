// Clean counterpart of corpus-ts-catch-after-failed-query.mjs: the failed query's error is
// translated (with a query on another connection) only once the transaction is over: outside
// the transaction callback, whose throw rolls it back (createOne), or after the `catch` has
// rolled the acquired transaction back (createThree).
import knex from 'knex';

let database = null;
function getDatabase() {
  if (database) return database;
  database = knex({ client: 'mssql', connection: process.env.DB_URL });
  return database;
}

async function translateDatabaseError(error) {
  const db = getDatabase();
  const usage = await db.select('name').from('sys.indexes').where('name', '=', error.keyName).first();
  return new Error(`not unique: ${usage?.name}`);
}

export async function createOne(data) {
  try {
    return await getDatabase().transaction(async (trx) => {
      return await trx.insert(data).into('items');
    });
  } catch (err) {
    throw await translateDatabaseError(err);
  }
}

export async function createThree(data) {
  const trx = await getDatabase().transaction();
  try {
    const key = await trx.insert(data).into('items');
    await trx.commit();
    return key;
  } catch (err) {
    await trx.rollback();
    throw await translateDatabaseError(err);
  }
}
