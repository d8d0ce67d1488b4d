// A handler class whose work is a function the configuration gives (vendure's
// `PaymentMethodHandler`): the constructor copies it from its options, and `createRefund()`
// calls the copy. Which function runs is decided by the `new` site the store configured; a
// handler may leave `createRefund` out (then it refunds nothing).
export type CreateRefundFn = (paymentId: string) => Promise<string>;

export class PaymentMethodHandler {
  private readonly createRefundFn?: CreateRefundFn;

  constructor(config: { code: string; createRefund?: CreateRefundFn }) {
    this.createRefundFn = config.createRefund;
  }

  async createRefund(paymentId: string): Promise<string> {
    return this.createRefundFn ? this.createRefundFn(paymentId) : 'not refundable';
  }
}
