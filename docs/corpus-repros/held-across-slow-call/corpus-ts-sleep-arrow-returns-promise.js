// graphile-worker 0.17.3 (dist/lib.js `sleep`, dist/migrate.js): the ubiquitous
// `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))`. The arrow returns the
// promise without awaiting it; its caller awaits it. graphile-worker's migrate() sleeps
// 400-600 ms with a pooled client checked out. Missed: the timer is recognised as slow when it
// is awaited in the body that creates it (`await new Promise(...)`, or an `async function sleep`
// that awaits it), not when an expression-bodied arrow returns it.
const { Pool } = require('pg');

const pool = new Pool();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function migrate() {
  const client = await pool.connect();
  try {
    await client.query('select id from graphile_worker.migrations order by id desc limit 1');
    await sleep(400 + Math.random() * 200); // expect: held-across-slow-call
    await client.query('select id from graphile_worker.migrations order by id desc limit 1');
  } finally {
    client.release();
  }
}

module.exports = { migrate };
