// Transactions recognised by shape on receivers that cannot be typed (compiled JavaScript,
// handles injected through constructors, ORM entity managers and models).
'use strict';
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');

const execFileAsync = promisify(execFile);

class OrderService {
  constructor({ knex, em, prisma }) {
    this.knex = knex;
    this.em = em;
    this.prisma = prisma;
  }

  // MikroORM: `em.transactional(cb)`.
  async ship(orderId) {
    await this.em.transactional(async (em) => {
      const order = await em.findOneOrFail('Order', orderId);
      await fetch(`https://carrier.example.com/labels/${order.id}`, { method: 'POST' }); // expect: held-across-slow-call "^Database transaction \(receiver not typed\) `em` held across `fetch\(\)`"
    });
  }

  // An untyped Prisma client: `$transaction(cb)`.
  async archive(orderId) {
    await execFileAsync('tar', ['czf', `/archive/${orderId}.tgz`, `/orders/${orderId}`]); // expect: held-across-slow-call "^Database transaction \(receiver not typed\) `tx` held across `execFileAsync\(\)`"
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { archived: true } });
    });
  }

  // The handle form, ended by the unit: `trx.commit()` / `trx.rollback()` are the evidence.
  async refund(orderId) {
    await fetch(`https://payments.example.com/refunds/${orderId}`, { method: 'POST' }); // expect: held-across-slow-call "^Database transaction \(receiver not typed\) `trx` held across `fetch\(\)`"
    const trx = await this.knex.transaction();
    try {
      await trx('orders').where({ id: orderId }).update({ state: 'refunding' });
      await trx.commit();
    } catch (error) {
      await trx.rollback();
      throw error;
    }
  }

  // A helper of the class that runs its callers' callbacks inside the transaction.
  withTransaction(work) {
    return this.knex.transaction(work);
  }

  async cancel(orderId) {
    await this.withTransaction(async (trx) => {
      await trx('orders').where({ id: orderId }).update({ state: 'cancelled' });
      await fetch(`https://carrier.example.com/labels/${orderId}`, { method: 'DELETE' }); // expect: held-across-slow-call "^Database transaction \(receiver not typed\) `this.knex.transaction\(\)` held across `fetch\(\)` in the callback that `this.withTransaction\(\)` runs with it"
    });
  }
}

module.exports = { OrderService };
