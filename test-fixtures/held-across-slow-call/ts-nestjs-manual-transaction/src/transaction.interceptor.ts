// The interceptor runs the route (`next.handle()`) inside the helper's callback: every method
// it intercepts runs with the helper's query runner checked out and its transaction open.
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { TransactionWrapper } from './transaction-wrapper';

@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly transactionWrapper: TransactionWrapper,
    private readonly connection: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.transactionWrapper.executeInTransaction(this.connection, () => lastValueFrom(next.handle())));
  }
}
