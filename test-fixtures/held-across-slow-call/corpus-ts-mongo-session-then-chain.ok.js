// The clean form of corpus-ts-mongo-session-then-chain.js: the transaction commits and the
// session ends (in `.finally()`, so on failure too) before the webhook is called.
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);

function handleBatch(req) {
  const session = client.startSession();
  session.startTransaction();
  return Promise.resolve()
    .then(() => session.commitTransaction())
    .finally(() => session.endSession())
    .then(() => fetch('https://hooks.example.com/afterSave', { method: 'POST', body: JSON.stringify(req.body) }));
}

module.exports = { handleBatch };
