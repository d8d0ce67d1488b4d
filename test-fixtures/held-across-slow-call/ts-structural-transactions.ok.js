// Clean counterparts of ts-structural-transactions.js, and shapes a naive "any .transaction()
// is a database transaction" rule would report wrongly.
'use strict';
const mobx = require('mobx');
const admin = require('firebase-admin');
const { sendMail } = require('./mailer');

class OrderService {
  constructor({ knex, em, db }) {
    this.knex = knex;
    this.em = em;
    this.db = db;
  }

  // The slow work runs after the transaction callback has returned (committed).
  async ship(orderId) {
    const order = await this.em.transactional(async (em) => em.findOneOrFail('Order', orderId));
    await fetch(`https://carrier.example.com/labels/${order.id}`, { method: 'POST' });
  }

  // The handle form, committed before the slow call.
  async refund(orderId) {
    const trx = await this.knex.transaction();
    try {
      await trx('orders').where({ id: orderId }).update({ state: 'refunding' });
      await trx.commit();
    } catch (error) {
      await trx.rollback();
      throw error;
    }
    await fetch(`https://payments.example.com/refunds/${orderId}`, { method: 'POST' });
  }

  // No commit or rollback in the unit: nothing says `transaction()` returned a transaction.
  async report(orderId) {
    const transaction = await this.db.transaction();
    await fetch(`https://reports.example.com/orders/${orderId}`);
    return transaction;
  }

  // Slow work registered to run after the commit (Strapi's `onCommit`, knex's `trx.executionPromise`).
  async notify(orderId) {
    await this.db.transaction(async ({ trx, onCommit }) => {
      await trx('orders').where({ id: orderId }).update({ notified: true });
      onCommit(() => sendMail({ to: 'ops@example.com', subject: `order ${orderId}` }));
    });
  }
}

// IndexedDB (store names and a mode, no callback) and Dexie (a mode string before the tables).
async function saveDraft(idb, dexie, draft) {
  const tx = idb.transaction(['drafts'], 'readwrite');
  tx.objectStore('drafts').put(draft);
  await fetch('https://sync.example.com/drafts', { method: 'POST', body: JSON.stringify(draft) });
  tx.commit();
  await dexie.transaction('rw', dexie.drafts, async () => {
    await dexie.drafts.put(draft);
    await fetch('https://sync.example.com/drafts', { method: 'POST', body: JSON.stringify(draft) });
  });
}

// MobX batches observable updates: no database.
async function refresh(store) {
  mobx.transaction(async () => {
    store.items = await (await fetch('https://api.example.com/items')).json();
  });
}

// The Firebase Realtime Database retries an optimistic update: no lock is held.
async function bumpViews(postId) {
  await admin.database().ref(`posts/${postId}/views`).transaction((views) => (views || 0) + 1);
  await fetch(`https://stats.example.com/posts/${postId}`, { method: 'POST' });
}

// A project class's own `transaction()`: its code decides, not the name.
class Batch {
  transaction(fn) {
    return fn(this);
  }
}
const batch = new Batch();
async function flush(items) {
  await batch.transaction(async () => {
    await fetch('https://api.example.com/items', { method: 'POST', body: JSON.stringify(items) });
  });
}

// A project class's static `transaction()`, likewise.
class AuditLog {
  static transaction(fn) {
    return fn([]);
  }
}
async function audit(entries) {
  await AuditLog.transaction(async (batch) => {
    batch.push(...entries);
    await fetch('https://audit.example.com/entries', { method: 'POST', body: JSON.stringify(batch) });
  });
}

// A wrapper whose commit is in a nested function: the unit itself does not end `trx`, so it is
// not taken for a transaction it holds (it would look never ended).
class Database {
  constructor(options) {
    this.knex = options.knex;
  }

  async run(cb) {
    const trx = await this.knex.transaction();
    async function commit() {
      await trx.commit();
    }
    const result = await cb(trx);
    await commit();
    await fetch('https://hooks.example.com/committed', { method: 'POST' });
    return result;
  }
}

module.exports = { OrderService, saveDraft, refresh, flush, audit, Database, bumpViews };
