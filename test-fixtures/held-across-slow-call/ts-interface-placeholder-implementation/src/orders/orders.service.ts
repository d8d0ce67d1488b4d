// Type-aware mode: a provider picked from the container at run time, typed by an interface
// whose implementations are the Stripe providers (remote calls) and a built-in stand-in whose
// methods only return constants or throw. The stand-in does not veto the real ones: capturing
// inside the transaction holds it across Stripe's round trip.
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
      await this.providers.capture(providerId, { id: orderId }); // expect: held-across-slow-call
    });
  }
}
