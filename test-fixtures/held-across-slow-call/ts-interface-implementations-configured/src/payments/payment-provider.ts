// The contract the services are written against; the container injects one implementation.
export interface PaymentProvider {
  capture(paymentId: string): Promise<void>;
}
