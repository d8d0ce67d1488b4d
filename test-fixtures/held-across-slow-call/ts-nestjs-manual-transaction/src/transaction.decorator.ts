// The project's own decorator, composed as vendure's `@Transaction()` is: nothing in its name
// says what it does; its definition applies the interceptor.
import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { TransactionInterceptor } from './transaction.interceptor';

export const Transaction = (mode: 'auto' | 'manual' = 'auto') => {
  return applyDecorators(SetMetadata('transaction-mode', mode), UseInterceptors(TransactionInterceptor));
};
