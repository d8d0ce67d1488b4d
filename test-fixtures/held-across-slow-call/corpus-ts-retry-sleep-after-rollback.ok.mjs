// @directus/api 39.2.1 (dist/utils/transaction.js): the transaction helper retries a transaction
// that failed with a serialization error, sleeping between the attempts. The sleep comes after
// `knex.transaction()` has rejected, so the failed transaction is already rolled back and its
// connection returned: nothing is held across it. (In Directus the knex instance is the helper's
// parameter, recognised by shape; here it is a module instance. Either way the helper runs its
// `handler` inside the transaction, and an exception from it ends the transaction first.)
import knex from 'knex';

const database = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function transaction(handler) {
  try {
    return await database.transaction((trx) => handler(trx));
  } catch (error) {
    if (error.code !== '40001') throw error;
    for (let attempt = 0; attempt < 3; ++attempt) {
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
      try {
        return await database.transaction((trx) => handler(trx));
      } catch (retryError) {
        if (retryError.code !== '40001') throw retryError;
      }
    }
    throw new Error('Transaction failed after 4 attempts', { cause: error });
  }
}
