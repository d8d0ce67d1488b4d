import { AbstractPaymentProvider } from './payment-provider';

export enum PaymentStatus {
  CAPTURED = 'captured',
}

/**
 * The built-in provider for stores paid offline: capturing answers from what it is given (it
 * does something, so it is one of the implementations that decide, and it is not slow).
 */
export class SystemProvider extends AbstractPaymentProvider {
  async capture(_data: Record<string, unknown>): Promise<Record<string, unknown>> {
    return { data, status: PaymentStatus.CAPTURED };
  }

  async refund(_data: Record<string, unknown>): Promise<Record<string, unknown>> {
    throw new Error('Method not implemented.');
  }
}
