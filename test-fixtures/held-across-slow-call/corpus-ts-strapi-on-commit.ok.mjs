// Strapi 5.54 (@strapi/core dist/services/document-service/events.mjs, @strapi/database
// dist/index.mjs): the document service emits its events (webhooks, audit logs) from
// `strapi.db.transaction(({ onCommit }) => { onCommit(() => emitEvent(…)) })`: the callback
// given to `onCommit` runs after the transaction has committed, not while it is held. `db` is
// an instance of a project class whose own `transaction()` decides (never recognised by shape);
// once project methods of instances are followed, the `onCommit` callback must still not count
// as run inside the transaction.
import knex from 'knex';

class Database {
  constructor(config) {
    this.connection = knex(config);
  }

  async transaction(cb) {
    const trx = await this.connection.transaction();
    const commitCallbacks = [];
    const onCommit = (fn) => commitCallbacks.push(fn);
    try {
      const result = await cb({ trx, onCommit });
      await trx.commit();
      for (const fn of commitCallbacks) await fn();
      return result;
    } catch (error) {
      await trx.rollback();
      throw error;
    }
  }
}

const db = new Database({ client: 'pg', connection: process.env.DATABASE_URL });

export function emitEvent(eventName, entry) {
  return db.transaction(({ onCommit }) => {
    onCommit(() => fetch('https://hooks.example.com/strapi', { method: 'POST', body: JSON.stringify({ eventName, entry }) }));
  });
}
