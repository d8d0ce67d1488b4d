// Ghost 6.65 (core/server/services/members/members-api/repositories/member-repository.js,
// linkSubscription / setComplimentarySubscription): a repository method that, called without a
// transaction, opens one and calls itself again with `{ ...options, transacting }`. The second
// run locks the member row (`forUpdate`) and then calls the Stripe API, so the row lock and the
// pooled connection are held across HTTP requests. With knex itself (here) this shape is
// reported, on the recursive call (the callback holds `transacting` while the re-entered
// method reaches the HTTP call). In Ghost it was missed for the reasons in
// corpus-ts-bookshelf-transaction.js (Bookshelf, and the model injected through the constructor).
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

class MemberRepository {
  async linkSubscription(data, options = {}) {
    if (!options.transacting) {
      return knex.transaction((transacting) => {
        return this.linkSubscription(data, { ...options, transacting }); // expect: held-across-slow-call "held across `this.linkSubscription\(\)`, which reaches `fetch\(\)`"
      });
    }
    const member = await knex('members').where({ id: data.id }).forUpdate().transacting(options.transacting).first();
    const subscription = await fetch(`https://api.stripe.com/v1/subscriptions/${data.subscription_id}`);
    await knex('members_stripe_customers_subscriptions')
      .insert({ member_id: member.id, subscription_id: subscription.id })
      .transacting(options.transacting);
  }
}

module.exports = { MemberRepository };
