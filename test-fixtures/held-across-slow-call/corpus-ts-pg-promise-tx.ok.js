// Clean counterpart of corpus-ts-pg-promise-tx.js: the webhooks are called after `db.tx` /
// `db.task` have returned their connection; inside, only SQL on `t`.
const pgp = require('pg-promise')();

const db = pgp(process.env.DATABASE_URL);

async function createClass(className) {
  await db.tx('create-class', async (t) => {
    await t.none('INSERT INTO "_SCHEMA" ("className") VALUES ($1)', [className]);
    await t.none('UPDATE "_SCHEMA" SET "updatedAt" = now() WHERE "className" = $1', [className]);
  });
  await fetch('https://hooks.example.com/schema-changed', { method: 'POST', body: className });
}

async function countClasses() {
  const count = await db.task('count-classes', async (t) => {
    const { count } = await t.one('SELECT count(*) FROM "_SCHEMA"');
    return count;
  });
  await fetch('https://metrics.example.com/classes', { method: 'POST', body: String(count) });
  return count;
}

module.exports = { createClass, countClasses };
