// Type-aware mode: `payments` and `notifier` are typed with a contract (an interface, an
// abstract class), not a class. Every implementation the project has calls a remote API, so
// the call does too, whichever one the container injects.
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
      await this.payments.capture(paymentId); // expect: held-across-slow-call "^Prisma interactive transaction `tx` held across `this\.payments\.capture\(\)`, which reaches `fetch\(\)`"
    });
  }

  async ship(orderId: string, phone: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'shipped' } });
      await this.notifier.send(phone, 'Your order is on its way'); // expect: held-across-slow-call "^Prisma interactive transaction `tx` held across `this\.notifier\.send\(\)`, which reaches `fetch\(\)`"
    });
  }
}
