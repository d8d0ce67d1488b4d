// Clean counterpart of corpus-ts-sleep-arrow-returns-promise.js: the client is released before
// the sleep and a new one is taken after it.
const { Pool } = require('pg');

const pool = new Pool();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function latestMigration() {
  const client = await pool.connect();
  try {
    return await client.query('select id from graphile_worker.migrations order by id desc limit 1');
  } finally {
    client.release();
  }
}

async function migrate() {
  await latestMigration();
  await sleep(400 + Math.random() * 200);
  await latestMigration();
}

module.exports = { migrate };
