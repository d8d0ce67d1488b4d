import { injectable } from 'tsyringe';

@injectable()
export class PaymentsClient {
  async charge(orderId: string): Promise<void> {
    await fetch(`https://payments.example.com/charge/${orderId}`, { method: 'POST' });
  }
}
