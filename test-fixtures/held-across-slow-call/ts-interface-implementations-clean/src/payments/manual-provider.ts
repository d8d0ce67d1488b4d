import { Injectable } from '@nestjs/common';
import type { PaymentProvider } from './payment-provider';

/** Payments settled by hand: capturing records nothing remote. */
@Injectable()
export class ManualProvider implements PaymentProvider {
  async capture(_paymentId: string): Promise<void> {
    return;
  }
}
