// A plugin's handler: its refund calls the payment provider over the network.
import { PaymentMethodHandler } from '../payment-method-handler';

export const stripeHandler = new PaymentMethodHandler({
  code: 'stripe',
  createRefund: async (paymentId) => {
    const res = await fetch(`https://api.stripe.example/v1/refunds?payment_intent=${paymentId}`, { method: 'POST' });
    return res.statusText;
  },
});
