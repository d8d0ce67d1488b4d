// Type-aware mode: as ts-interface-placeholder-implementation, but the built-in provider's
// capture answers from its argument: a real implementation that is not slow, so which provider
// runs decides, and configuration picks it: `info`, "only if the configured implementation is"
// the Stripe one (both Stripe providers inherit one method: 2 implementations).
import { PrismaClient } from '@prisma/client';
import { PaymentProviderService } from '../payments/payment-provider.service';

export class OrdersService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly providers: PaymentProviderService,
  ) {}

  async authorize(orderId: string, providerId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { state: 'authorized' } });
      await this.providers.capture(providerId, { id: orderId }); // expect: held-across-slow-call@info "only if the configured implementation is `StripeBase.capture\(\)` \(2 implementations"
    });
  }
}
