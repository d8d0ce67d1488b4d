// Ghost 6.65 (core/server/models/base/bookshelf.js, models/base/index.js and the members
// repository): Ghost's models are Bookshelf models over knex, `bookshelf(db.knex)`, and
// `Model.transaction(fn)` forwards to `ghostBookshelf.transaction(fn)`, which is
// `knex.transaction(fn)`. linkSubscription locks the member row and then calls Stripe inside
// such a transaction. Missed by the review's engine (a672f76): `bookshelf` was not in the Node catalog.
// Now `bookshelf(knex)` is a catalog holder whose `transaction(cb)` is a knex transaction, and
// the model's `Member.transaction(cb)` is recognised by shape (its receiver cannot be typed).
// (In Ghost the model also arrives through the repository's constructor: shape again.)
const knex = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });
const ghostBookshelf = require('bookshelf')(knex);

const Member = ghostBookshelf.Model.extend(
  { tableName: 'members' },
  {
    transaction(fn) {
      return ghostBookshelf.transaction(fn);
    },
  },
);

async function linkSubscription(data) {
  const subscription = await fetch(`https://api.stripe.com/v1/subscriptions/${data.subscription_id}`); // expect: held-across-slow-call
  return ghostBookshelf.transaction(async (transacting) => {
    const member = await Member.forge({ id: data.id }).fetch({ transacting, forUpdate: true });
    await member.save({ last_subscription_id: subscription.id }, { transacting });
  });
}

async function setComplimentarySubscription(data) {
  return Member.transaction(async (transacting) => {
    const member = await Member.forge({ id: data.id }).fetch({ transacting, forUpdate: true });
    await fetch('https://api.stripe.com/v1/customers', { method: 'POST', body: member.get('email') }); // expect: held-across-slow-call
  });
}

module.exports = { linkSubscription, setComplimentarySubscription };
