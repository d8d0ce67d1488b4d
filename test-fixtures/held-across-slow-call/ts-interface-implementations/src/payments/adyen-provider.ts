import { Injectable } from '@nestjs/common';
import type { PaymentProvider } from './payment-provider';

@Injectable()
export class AdyenProvider implements PaymentProvider {
  async capture(paymentId: string): Promise<void> {
    await fetch(`https://checkout.adyen.example/v71/payments/${paymentId}/captures`, { method: 'POST' });
  }
}
