import axios from 'axios';

export async function bookCourier(orderId: string): Promise<string> {
  const { data } = await axios.post('https://courier.example.com/v2/bookings', { reference: orderId });
  return data.trackingCode;
}
