// parse-server 9.10 (lib/Adapters/Storage/Postgres/PostgresStorageAdapter.js): pg-promise's
// `db.tx(tag, cb)` and `db.task(tag, cb)` run the callback with a connection checked out of the
// pool (and, for `tx`, inside BEGIN/COMMIT). Missed by the review's engine (a672f76): pg-promise was not in the
// Node catalog; now `pgp(cn)` (after `require('pg-promise')()`) is a holder with `tx`/`task` scopes.
// (parse-server's own tx callbacks only run SQL; its batch transaction is the case that runs
// triggers with the connection held.)
const pgp = require('pg-promise')();

const db = pgp(process.env.DATABASE_URL);

async function createClass(className) {
  await fetch('https://hooks.example.com/schema-changed', { method: 'POST', body: className }); // expect: held-across-slow-call
  await db.tx('create-class', async (t) => {
    await t.none('INSERT INTO "_SCHEMA" ("className") VALUES ($1)', [className]);
  });
}

async function countClasses() {
  return db.task('count-classes', async (t) => {
    const { count } = await t.one('SELECT count(*) FROM "_SCHEMA"');
    await fetch('https://metrics.example.com/classes', { method: 'POST', body: String(count) }); // expect: held-across-slow-call
    return count;
  });
}

module.exports = { createClass, countClasses };
