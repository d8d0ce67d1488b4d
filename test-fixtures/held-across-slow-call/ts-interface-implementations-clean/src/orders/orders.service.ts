// Type-aware mode: the same service as in ts-interface-implementations, but one implementation
// of each contract does no remote work (a provider for manual payments, a notifier that only
// logs), so which one runs decides: the calls are not slow work.
import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import type { PaymentProvider } from '../payments/payment-provider';
import { Notifier } from '../notify/notifier';

@Injectable()
export class OrdersService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly payments: PaymentProvider,
    private readonly notifier: Notifier,
  ) {}

  async capture(orderId: string, paymentId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'capturing' } });
      await this.payments.capture(paymentId);
    });
  }

  async ship(orderId: string, phone: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'shipped' } });
      await this.notifier.send(phone, 'Your order is on its way');
    });
  }
}
