// Found while reducing @directus/api 39.2.1 dist/services/items.js createOne() (reported there
// only because its `try` also calls project functions). A `catch` whose `try` holds nothing but
// library calls (here the insert on the held transaction) is never entered: a failing query
// gets no exception edge, so the slow work done while handling its error inside the
// transaction (a query on another connection, like Directus' MSSQL unique-violation lookup) is
// missed. The same call outside a `catch` is reported (createTwo).
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
  return await getDatabase().transaction(async (trx) => {
    let key;
    try {
      key = await trx.insert(data).into('items');
    } catch (err) {
      throw await translateDatabaseError(err); // expect: held-across-slow-call "on another connection"
    }
    return key;
  });
}

export async function createTwo(data) {
  return await getDatabase().transaction(async (trx) => {
    await trx.insert(data).into('items');
    await translateDatabaseError(data); // expect: held-across-slow-call "on another connection"
  });
}
