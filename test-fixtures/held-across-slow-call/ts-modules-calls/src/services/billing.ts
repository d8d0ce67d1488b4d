// The payment provider behind a service class, used through a shared instance or a new one.
// Three places reach `charge()` with a pooled client held: one finding, here, counting them.
import axios from 'axios';

export class BillingService {
  async charge(customerId: string, amount: number): Promise<string> {
    const { data } = await axios.post('https://payments.example.com/v1/charges', { customer: customerId, amount }); // expect: held-across-slow-call "^Pooled client held across `axios\.post\(\)`: .* Reached from 3 call sites \(src/repositories/invoices\.repository\.ts:8, src/routes/orders\.ts:12 and src/routes/orders\.ts:35\)"
    return data.id;
  }

  static async refund(chargeId: string): Promise<void> {
    await axios.post(`https://payments.example.com/v1/charges/${chargeId}/refund`);
  }
}

export const billing = new BillingService();
