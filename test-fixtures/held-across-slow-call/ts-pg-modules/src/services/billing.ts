import axios from 'axios';

export async function chargeCustomer(customerId: string, amount: number): Promise<string> {
  const { data } = await axios.post('https://payments.example.com/v1/charges', { customer: customerId, amount });
  return data.id;
}
