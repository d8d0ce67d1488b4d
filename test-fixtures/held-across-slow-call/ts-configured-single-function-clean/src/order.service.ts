// The notifier's one function only queues the message, and the pager's call may run nothing:
// neither is held slow work.
import { PrismaClient } from '@prisma/client';
import { Notifier, Pager } from './notifier';

export class OrderService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly notifier: Notifier,
    private readonly pager: Pager,
  ) {}

  async ship(orderId: string, customerUrl: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'shipped' } });
      await this.notifier.notify(customerUrl, 'shipped');
      await this.pager.page('ops', `order ${orderId} shipped`);
    });
  }
}
