import { Injectable } from '@nestjs/common';
import axios from 'axios';

@Injectable()
export class BillingService {
  async charge(customerId: string, amount: number): Promise<string> {
    const { data } = await axios.post('https://payments.example.com/v1/charges', { customer: customerId, amount });
    return data.id;
  }
}
