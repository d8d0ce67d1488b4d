// Reduced from @directus/api 39.2.1 dist/services/items.js, dist/database/errors (eight corpus
// findings: license/manager.js:494 and :501, services/export.js:111, services/mcp-oauth/index.js
// :606, :737, :793). The transaction is opened and ended inside these methods; the query on the
// base knex while it is held (MSSQL unique-violation translation) is reported here, rightly
// (info: a second pool connection while the transaction's is held), and only here: not again
// at the updateOne()/createOne() calls of upsertSingleton() (which passes them no callback).
// Both transactions reach the same query: one finding, at the query, counting them.
import database_default from './database.mjs';
import { transaction } from './transaction.mjs';

async function translateDatabaseError(error) {
  const database = database_default();
  const usage = await database.select('name').from('sys.indexes').where('name', '=', error.keyName).first(); // expect: held-across-slow-call "on another connection: .* Reached from 2 call sites \(lines 32 and 39\)"
  return new Error(`not unique: ${usage?.name}`);
}

class ItemsService {
  constructor(collection, options) {
    this.collection = collection;
    this.knex = options.knex || database_default();
  }

  async upsertSingleton(data) {
    const record = await this.knex.select('id').from(this.collection).limit(1).first();
    if (record) return await this.updateOne(record.id, data);
    return await this.createOne(data);
  }

  async updateOne(id, data) {
    return await transaction(this.knex, async (trx) => {
      await trx(this.collection).update(data).where({ id });
      throw await translateDatabaseError(data);
    });
  }

  async createOne(data) {
    return await transaction(this.knex, async (trx) => {
      await trx.insert(data).into(this.collection);
      throw await translateDatabaseError(data);
    });
  }
}

export { ItemsService };
