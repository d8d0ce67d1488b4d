// Strapi 5.54 (@strapi/database dist/index.mjs `Database.transaction()` and @strapi/core
// dist/ee/index.mjs `onlineUpdate`): the project's Database class wraps knex; called without a
// callback, `transaction()` returns `{ get, commit, rollback }` instead of the transaction.
// onlineUpdate locks the licence row (`forUpdate`) and then asks the licence registry over
// HTTP before committing. Missed: the held transaction is behind the destructured
// `{ get, commit, rollback }` object that a project method returns.
import knex from 'knex';

class Database {
  constructor(config) {
    this.connection = knex(config);
  }

  async transaction(cb) {
    const trx = await this.connection.transaction();
    async function commit() {
      await trx.commit();
    }
    async function rollback() {
      await trx.rollback();
    }
    if (!cb) {
      return { commit, rollback, get: () => trx };
    }
    try {
      const result = await cb({ trx });
      await commit();
      return result;
    } catch (error) {
      await rollback();
      throw error;
    }
  }
}

const db = new Database({ client: 'pg', connection: process.env.DATABASE_URL });

export async function onlineUpdate(licenseKey) {
  const { get, commit, rollback } = await db.transaction();
  const transaction = get();
  try {
    await db.connection('strapi_core_store_settings').where({ key: 'ee_information' }).first().transacting(transaction).forUpdate();
    const response = await fetch('https://license.strapi.io/api/licenses/validate', { method: 'POST', body: licenseKey }); // expect: held-across-slow-call
    const license = await response.json();
    await db.connection('strapi_core_store_settings').transacting(transaction)
      .update({ value: JSON.stringify(license) }).where({ key: 'ee_information' });
    await commit();
  } catch {
    await rollback();
  }
}
