// graphile-worker 0.17.3 (dist/helpers.js `makeWithPgClientFromPool`, dist/lib.js): the pool is
// handed to a factory that returns the `withPgClient(callback)` helper as a closure; the
// callback runs with the client checked out. Missed: the pool is a parameter of the factory
// (JavaScript, no type), so `pgPool.connect()` is not known to hand out a pooled client, even
// though the `new Pool()` passed in is in the same file.
const { Pool } = require('pg');

function makeWithPgClientFromPool(pgPool) {
  return async function withPgClientFromPool(callback) {
    const client = await pgPool.connect();
    try {
      return await callback(client);
    } finally {
      client.release();
    }
  };
}

async function run() {
  const withPgClient = makeWithPgClientFromPool(new Pool());
  await withPgClient(async (client) => {
    await client.query('select 1');
    await fetch('https://hooks.example.com/worker-started', { method: 'POST' }); // expect: held-across-slow-call
  });
}

module.exports = { run };
