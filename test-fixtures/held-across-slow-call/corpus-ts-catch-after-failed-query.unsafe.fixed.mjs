// Found while reducing @directus/api 39.2.1 dist/services/items.js createOne() (reported there
// even before, because its `try` also calls project functions). A `catch` whose `try` holds
// nothing but queries on the held transaction is entered: a query on it may throw, so it has
// an exception edge to the `catch`, and the slow work done while handling its error inside the
// transaction (a query on another connection, like Directus' MSSQL unique-violation lookup) is
// reported. Also with a transaction acquired into a variable (createThree), and, as before,
// the same call outside a `catch` (createTwo). The three transactions reach one query: one
// finding, at the query, counting them (issue 9, cause 7). Clean counterpart: the .ok.mjs file.
import knex from 'knex';

let database = null;
function getDatabase() {
  if (database) return database;
  database = knex({ client: 'mssql', connection: process.env.DB_URL });
  return database;
}

async function translateDatabaseError(error) {
  const db = getDatabase();
  const usage = await db.select('name').from('sys.indexes').where('name', '=', error.keyName).first(); // expect: held-across-slow-call "on another connection: .* Reached from 3 call sites \(lines 30, 39 and 50\)"
  return new Error(`not unique: ${usage?.name}`);
}

export async function createOne(data) {
  return await getDatabase().transaction(async (trx) => {
    let key;
    try {
      key = await trx.insert(data).into('items');
    } catch (err) {
      throw await translateDatabaseError(err);
    }
    return key;
  });
}

export async function createTwo(data) {
  await translateDatabaseError(data);
  return await getDatabase().transaction(async (trx) => {
    await trx.insert(data).into('items');
  });
}

export async function createThree(data) {
  const trx = await getDatabase().transaction();
  try {
    const key = await trx.insert(data).into('items');
    await trx.commit();
    return key;
  } catch (err) {
    const error = await translateDatabaseError(err);
    await trx.rollback();
    throw error;
  }
}
