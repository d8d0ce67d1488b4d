// The same slow calls as in `ts-nestjs-interceptors`, through interceptors that hold nothing:
// no finding.
import { UseInterceptors } from '@nestjs/common';
import { Timed } from './timed.decorator';
import { LoggingInterceptor } from './timing.interceptor';

export class PaymentsResolver {
  @Timed()
  async addPayment(orderId: string): Promise<void> {
    await fetch(`https://payments.example.com/orders/${orderId}/charge`, { method: 'POST' });
  }

  @UseInterceptors(LoggingInterceptor)
  async refund(orderId: string): Promise<void> {
    await fetch(`https://payments.example.com/orders/${orderId}/refund`, { method: 'POST' });
  }
}
