import { AbstractPaymentProvider } from './payment-provider';

abstract class StripeBase extends AbstractPaymentProvider {
  async capture(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await fetch(`https://api.stripe.example/v1/payment_intents/${String(data.id)}/capture`, { method: 'POST' });
    return (await res.json()) as Record<string, unknown>;
  }

  async refund(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await fetch('https://api.stripe.example/v1/refunds', { method: 'POST', body: JSON.stringify({ payment_intent: data.id }) });
    return (await res.json()) as Record<string, unknown>;
  }
}

export class StripeCardProvider extends StripeBase {}
export class StripeIdealProvider extends StripeBase {}
