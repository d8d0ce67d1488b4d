// The same service as in ts-configured-handlers; neither configured handler does slow work.
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
      await this.handler.createRefund(paymentId);
    });
  }

  async refundFixed(orderId: string, paymentId: string): Promise<void> {
    await this.handler.createRefund(paymentId);
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'refunded' } });
    });
  }
}
