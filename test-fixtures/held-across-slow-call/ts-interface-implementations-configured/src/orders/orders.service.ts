// Type-aware mode: the same service as in ts-interface-implementations, but one implementation
// of each contract does no remote work (a provider for manual payments, a notifier that only
// logs), so which one runs decides, and configuration picks it: each call is `info`, told as
// "only if the configured implementation is …" the slow one (never a warning on a guess).
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
      await this.payments.capture(paymentId); // expect: held-across-slow-call@info "held across `this.payments.capture\(\)`.*only if the configured implementation is `StripeProvider.capture\(\)` \(2 implementations"
    });
  }

  async ship(orderId: string, phone: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'shipped' } });
      await this.notifier.send(phone, 'Your order is on its way'); // expect: held-across-slow-call@info "only if the configured implementation is `SmsNotifier.send\(\)`"
    });
  }
}
