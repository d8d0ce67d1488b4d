import { AbstractPaymentProvider } from './payment-provider';

export enum PaymentStatus {
  CAPTURED = 'captured',
}

/**
 * The built-in provider for stores without a payment service: every method is a stand-in that
 * answers a constant or refuses. It does not decide what a capture costs when Stripe is the
 * provider configured.
 */
export class SystemProvider extends AbstractPaymentProvider {
  async capture(_data: Record<string, unknown>): Promise<Record<string, unknown>> {
    return { data: {}, status: PaymentStatus.CAPTURED };
  }

  async refund(_data: Record<string, unknown>): Promise<Record<string, unknown>> {
    throw new Error('Method not implemented.');
  }
}
