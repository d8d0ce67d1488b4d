// The gateway an awaited call declares does nothing slow: typed through `Promise<…>`, the
// capture inside the transaction is that gateway's, and nothing is reported.
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
      await gateway.capture(paymentId);
    });
  }
}
