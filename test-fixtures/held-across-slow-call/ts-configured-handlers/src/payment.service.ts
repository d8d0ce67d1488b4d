// The refund runs inside a transaction through whichever handler the store configured: one of
// the two the project ships is slow, so the call is `info`, naming it as the condition.
import { PrismaClient } from '@prisma/client';
import { PaymentMethodHandler } from './payment-method-handler';

export class PaymentService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly handler: PaymentMethodHandler,
  ) {}

  async refund(orderId: string, paymentId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'refunding' } });
      await this.handler.createRefund(paymentId); // expect: held-across-slow-call@info "held across `this.handler.createRefund\(\)`.*only if the configured implementation is `createRefund\(\)` in `stripe.handler.ts` \(2 implementations"
    });
  }

  async refundFixed(orderId: string, paymentId: string): Promise<void> {
    await this.handler.createRefund(paymentId);
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'refunded' } });
    });
  }
}
