// graphile-worker 0.17.3 (dist/lib.js `sleep`, dist/migrate.js): the ubiquitous
// `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))`. The arrow returns the
// promise without awaiting it; its caller awaits it. graphile-worker's migrate() sleeps
// 400-600 ms with a pooled client checked out. Missed by the review's engine (a672f76): an
// expression-bodied arrow returning the promise was not followed; reported since 5889efb (a
// returned `new Promise(…)` is awaited by the caller).
const { Pool } = require('pg');

const pool = new Pool();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function migrate() {
  await sleep(400 + Math.random() * 200); // expect: held-across-slow-call
  const client = await pool.connect();
  try {
    await client.query('select id from graphile_worker.migrations order by id desc limit 1');
    await client.query('select id from graphile_worker.migrations order by id desc limit 1');
  } finally {
    client.release();
  }
}

module.exports = { migrate };
