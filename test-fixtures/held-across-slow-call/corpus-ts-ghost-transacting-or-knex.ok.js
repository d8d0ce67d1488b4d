// Reduced from Ghost 6.65.0 core/server/services/members/members-api/repositories/member-repository.js
// (linkSubscription -> _updateCurrentSubscription; four corpus findings, all this cause).
// Clean: `_updateCurrentSubscription` queries `options.transacting || knex`, and every caller
// that holds the transaction passes it as `options.transacting`, so the query runs on the held
// transaction's own connection, not on another one. Reported today as "`trx()` runs here on
// another connection": the `||` fallback to the base knex is kept although the caller's
// `transacting` is set (the callee's summary is not specialised for the argument).
const knex = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });

class MemberRepository {
  constructor({ Member }) {
    this._Member = Member;
  }

  async linkSubscription(data, options = {}) {
    if (!options.transacting) {
      return this._Member.transaction((transacting) => {
        return this.linkSubscription(data, { ...options, transacting });
      });
    }
    const member = await this._Member.findOne({ id: data.id }, { ...options, forUpdate: true });
    await this._updateCurrentSubscription(member.id, options);
  }

  async _updateCurrentSubscription(memberId, options) {
    const trx = options.transacting || knex;
    const best = await trx('members_resolved_subscription').where('member_id', memberId).first();
    if (best) {
      await trx('members_current_subscription').insert({ member_id: memberId, subscription_id: best.subscription_id });
    }
  }
}

module.exports = { MemberRepository };
