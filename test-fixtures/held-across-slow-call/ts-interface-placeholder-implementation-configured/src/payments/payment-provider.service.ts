import type { PaymentProvider } from './payment-provider';

export class PaymentProviderService {
  constructor(private readonly container: Record<string, PaymentProvider>) {}

  retrieveProvider(providerId: string): PaymentProvider {
    return this.container[providerId] as PaymentProvider;
  }

  async capture(providerId: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const provider = this.retrieveProvider(providerId);
    return provider.capture(data);
  }
}
