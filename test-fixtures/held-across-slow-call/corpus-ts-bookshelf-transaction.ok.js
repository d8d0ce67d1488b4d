// Clean counterpart of corpus-ts-bookshelf-transaction.js: Stripe is called before the
// transaction that locks the member row, or after it has committed.
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
  const subscription = await fetch(`https://api.stripe.com/v1/subscriptions/${data.subscription_id}`);
  return ghostBookshelf.transaction(async (transacting) => {
    const member = await Member.forge({ id: data.id }).fetch({ transacting, forUpdate: true });
    await member.save({ last_subscription_id: subscription.id }, { transacting });
  });
}

async function setComplimentarySubscription(data) {
  const member = await Member.transaction(async (transacting) => {
    return Member.forge({ id: data.id }).fetch({ transacting, forUpdate: true });
  });
  await fetch('https://api.stripe.com/v1/customers', { method: 'POST', body: member.get('email') });
}

module.exports = { linkSubscription, setComplimentarySubscription };
