import { Injectable } from '@nestjs/common';
import type { PaymentProvider } from './payment-provider';

@Injectable()
export class StripeProvider implements PaymentProvider {
  async capture(paymentId: string): Promise<void> {
    await fetch(`https://api.stripe.example/v1/payment_intents/${paymentId}/capture`, { method: 'POST' });
  }
}
