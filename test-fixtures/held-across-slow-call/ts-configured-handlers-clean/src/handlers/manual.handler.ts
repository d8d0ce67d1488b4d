// The built-in handler for payments settled by hand: nothing remote.
import { PaymentMethodHandler } from '../payment-method-handler';

export const manualHandler = new PaymentMethodHandler({
  code: 'manual',
  async createRefund(paymentId) {
    return `manual-${paymentId}`;
  },
});
