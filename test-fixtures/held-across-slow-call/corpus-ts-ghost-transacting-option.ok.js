// Clean counterpart of corpus-ts-ghost-transacting-option.js: the Stripe subscription is
// fetched before the transaction opens, and the method the transaction calls again only writes.
// (Written with a second method: the same flag test in one recursive method is not told apart
// by the path-insensitive summaries, so it would be reported.)
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

class MemberRepository {
  async linkSubscription(data, options = {}) {
    const subscription = await fetch(`https://api.stripe.com/v1/subscriptions/${data.subscription_id}`);
    return this.saveSubscription(data, subscription, options);
  }

  async saveSubscription(data, subscription, options) {
    if (!options.transacting) {
      return knex.transaction((transacting) => {
        return this.saveSubscription(data, subscription, { ...options, transacting });
      });
    }
    const member = await knex('members').where({ id: data.id }).forUpdate().transacting(options.transacting).first();
    await knex('members_stripe_customers_subscriptions')
      .insert({ member_id: member.id, subscription_id: subscription.id })
      .transacting(options.transacting);
  }
}

module.exports = { MemberRepository };
