// The notification is sent inside the transaction, through a notifier every `new` site of
// which gives `sendByWebhook`: the call is a call of it, so the webhook is held (a warning, not
// a configuration-dependent `info`).
import { PrismaClient } from '@prisma/client';
import { Notifier } from './notifier';

export class OrderService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly notifier: Notifier,
  ) {}

  async ship(orderId: string, customerUrl: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'shipped' } });
      await this.notifier.notify(customerUrl, 'shipped'); // expect: held-across-slow-call@warning "held across `this.notifier.notify\(\)`"
    });
  }

  async shipFixed(orderId: string, customerUrl: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'shipped' } });
    });
    await this.notifier.notify(customerUrl, 'shipped');
  }
}
