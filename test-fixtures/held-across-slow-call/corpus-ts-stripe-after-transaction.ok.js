// Ghost 6.65 (core/server/services/gifts/gift-service.js `createCheckout`): the gift row (and
// its delivery row) are written in one transaction, and the Stripe checkout session is created
// after it has committed; a failure cleans the pending row up in a separate statement. Nothing
// is held across the Stripe call.
'use strict';
const knex = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });
const Stripe = require('stripe');

const stripe = new Stripe(process.env.STRIPE_KEY);

async function createCheckout(gift, delivery) {
  const giftId = await knex.transaction(async (transacting) => {
    const [id] = await transacting('gifts').insert(gift);
    if (delivery.deliveryMethod === 'email') {
      await transacting('gift_deliveries').insert({ gift_id: id, recipient_email: delivery.recipientEmail });
    }
    return id;
  });
  try {
    return await stripe.checkout.sessions.create({ metadata: { ghost_gift_id: giftId }, mode: 'payment' });
  } catch (error) {
    await knex('gifts').where({ id: giftId, status: 'pending' }).del();
    throw error;
  }
}

module.exports = { createCheckout };
