// The rate is fetched inside the transaction through the injected generic class's method.
import { PrismaClient } from '@prisma/client';
import type { Rates } from './rates';

export class OrdersService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly rates: Rates<'EUR' | 'USD'>,
  ) {}

  async price(orderId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const rate = await this.rates.refresh('EUR'); // expect: held-across-slow-call "held across `this.rates.refresh\(\)`, which reaches `fetch\(\)`"
      await tx.order.update({ where: { id: orderId }, data: { rate } });
    });
  }

  async priceFixed(orderId: string): Promise<void> {
    const rate = await this.rates.refresh('EUR');
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { rate } });
    });
  }
}
