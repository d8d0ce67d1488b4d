// parse-server 9.10 (lib/batch.js with lib/Adapters/Storage/Mongo/MongoStorageAdapter.js): a
// batch request with `transaction: true` starts a MongoDB session transaction, runs every
// sub-request (with their cloud-code triggers and webhooks) and commits, all in a `.then()`
// chain returned by a plain function: the caller waits for the whole chain, in order, and the
// release in its last callback is the unit's own. (In parse-server the session is also created inside an adapter method and the slow
// work is reached through the router; see corpus-ts-mongo-session-adapter-method.js.)
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);

function handleBatch(req) {
  const session = client.startSession();
  session.startTransaction();
  return Promise.resolve()
    .then(() => fetch('https://hooks.example.com/beforeSave', { method: 'POST', body: JSON.stringify(req.body) })) // expect: held-across-slow-call "when the `.then\(\)` callback throws, no `finally` releases it"
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

module.exports = { handleBatch };
