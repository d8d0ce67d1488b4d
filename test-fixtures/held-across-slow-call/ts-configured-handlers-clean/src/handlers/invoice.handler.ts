// A handler without refunds: it gives no function for `createRefund`.
import { PaymentMethodHandler } from '../payment-method-handler';

export const invoiceHandler = new PaymentMethodHandler({ code: 'invoice' });
