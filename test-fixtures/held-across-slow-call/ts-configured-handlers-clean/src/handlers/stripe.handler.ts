// As in ts-configured-handlers, but this handler only records the refund for a webhook to
// complete later: nothing remote, so no configured function is slow.
import { PaymentMethodHandler } from '../payment-method-handler';

const pending = new Set<string>();

export const stripeHandler = new PaymentMethodHandler({
  code: 'stripe',
  createRefund: async (paymentId) => {
    pending.add(paymentId);
    return 'pending';
  },
});
