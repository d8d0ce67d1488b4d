// Resolver methods run through the interceptor: the payment provider's call in their bodies
// holds the query runner the interceptor's helper checked out. The database-only method and
// the class's own helper (no route: no decorator of its own) are clean.
import { Controller, Post, UseInterceptors } from '@nestjs/common';
import { Transaction } from './transaction.decorator';
import { TransactionInterceptor } from './transaction.interceptor';

export class PaymentsResolver {
  @Transaction()
  async addPayment(orderId: string): Promise<void> {
    await fetch(`https://payments.example.com/orders/${orderId}/charge`, { method: 'POST' }); // expect: held-across-slow-call "^TypeORM query runner of `@Transaction\(\)` held across `fetch\(\)`.*it keeps a connection checked out of the pool"
  }

  @Transaction('auto')
  async settle(orderId: string): Promise<string> {
    return orderId.toUpperCase();
  }

  @UseInterceptors(TransactionInterceptor)
  async refund(orderId: string): Promise<void> {
    await fetch(`https://payments.example.com/orders/${orderId}/refund`, { method: 'POST' }); // expect: held-across-slow-call "^TypeORM query runner of `@UseInterceptors\(TransactionInterceptor\)` held across `fetch\(\)`"
  }
}

@Controller('invoices')
@UseInterceptors(TransactionInterceptor)
export class InvoicesController {
  @Post()
  async issue(invoiceId: string): Promise<void> {
    await this.render(invoiceId); // expect: held-across-slow-call "^TypeORM query runner of `@UseInterceptors\(TransactionInterceptor\)` held across"
  }

  private async render(invoiceId: string): Promise<void> {
    await fetch(`https://pdf.example.com/render/${invoiceId}`, { method: 'POST' });
  }
}

// Two methods reach one helper's back-off while the interceptor holds the query runner: one
// finding, told at the sleep, names the resource by the decorator that holds it.
async function backOff(attempt: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100 * attempt)); // expect: held-across-slow-call "^TypeORM query runner of `@Transaction\(\)` held across `setTimeout\(\)`.*Reached from 2 call sites"
}

export class RetryResolver {
  @Transaction()
  async capture(orderId: string): Promise<string> {
    await backOff(1);
    return orderId;
  }

  @Transaction()
  async release(orderId: string): Promise<string> {
    await backOff(2);
    return orderId;
  }
}
