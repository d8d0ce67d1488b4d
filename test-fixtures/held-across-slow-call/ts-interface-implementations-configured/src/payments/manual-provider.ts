import { Injectable } from '@nestjs/common';
import type { PaymentProvider } from './payment-provider';

/**
 * Payments settled by hand: capturing records the payment locally, nothing remote. It does
 * something (unlike a stand-in whose body is empty), so it counts among the implementations.
 */
@Injectable()
export class ManualProvider implements PaymentProvider {
  private readonly captured = new Set<string>();

  async capture(paymentId: string): Promise<void> {
    this.captured.add(paymentId);
  }
}
