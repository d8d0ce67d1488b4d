// The contract the services are written against; the container injects the provider the store
// configured, by id.
export interface PaymentProvider {
  capture(data: Record<string, unknown>): Promise<Record<string, unknown>>;
  refund(data: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export abstract class AbstractPaymentProvider implements PaymentProvider {
  abstract capture(data: Record<string, unknown>): Promise<Record<string, unknown>>;
  abstract refund(data: Record<string, unknown>): Promise<Record<string, unknown>>;
}
