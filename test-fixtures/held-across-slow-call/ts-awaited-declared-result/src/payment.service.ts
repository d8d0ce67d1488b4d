// The capture runs inside a transaction, through the gateway an awaited call declares.
import { PrismaClient } from '@prisma/client';
import { MethodsService } from './methods.service';

export class PaymentService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly methods: MethodsService,
  ) {}

  async settle(orderId: string, paymentId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'settling' } });
      const { gateway } = await this.methods.methodFor('card');
      await gateway.capture(paymentId); // expect: held-across-slow-call "held across `gateway.capture\(\)`"
    });
  }

  async settleFixed(orderId: string, paymentId: string): Promise<void> {
    const { gateway } = await this.methods.methodFor('card');
    await gateway.capture(paymentId);
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'settled' } });
    });
  }
}
