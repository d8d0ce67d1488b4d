// The payment provider behind a service class, used through a shared instance or a new one.
import axios from 'axios';

export class BillingService {
  async charge(customerId: string, amount: number): Promise<string> {
    const { data } = await axios.post('https://payments.example.com/v1/charges', { customer: customerId, amount });
    return data.id;
  }

  static async refund(chargeId: string): Promise<void> {
    await axios.post(`https://payments.example.com/v1/charges/${chargeId}/refund`);
  }
}

export const billing = new BillingService();
