// parse-server 9.10 (lib/Adapters/Storage/Mongo/MongoStorageAdapter.js
// `createTransactionalSession()` / `commitTransactionalSession()`): the storage adapter starts
// the session and its transaction in one method and returns it; another method commits and
// ends it. Missed: a session returned by a project method (here, of a class in the same file)
// is not a held resource for the caller.
const { MongoClient } = require('mongodb');

class MongoStorageAdapter {
  constructor(uri) {
    this.client = new MongoClient(uri);
  }

  createTransactionalSession() {
    const transactionalSection = this.client.startSession();
    transactionalSection.startTransaction();
    return Promise.resolve(transactionalSection);
  }

  commitTransactionalSession(transactionalSection) {
    return transactionalSection.commitTransaction().then(() => transactionalSection.endSession());
  }
}

const adapter = new MongoStorageAdapter(process.env.MONGO_URL);

async function handleBatch(req) {
  const session = await adapter.createTransactionalSession();
  await fetch('https://hooks.example.com/beforeSave', { method: 'POST', body: JSON.stringify(req.body) }); // expect: held-across-slow-call
  await adapter.commitTransactionalSession(session);
}

module.exports = { handleBatch };
