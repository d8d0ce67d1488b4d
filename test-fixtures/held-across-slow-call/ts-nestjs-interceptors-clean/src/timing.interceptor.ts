// Interceptors that hold nothing around the route: one runs `next.handle()` inside a helper
// that only measures time, one only pipes the route's result.
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, Observable, tap } from 'rxjs';
import { Timer } from './timer';

@Injectable()
export class TimingInterceptor implements NestInterceptor {
  constructor(private readonly timer: Timer) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.timer.measure(() => lastValueFrom(next.handle())));
  }
}

@Injectable()
export class LoggingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(tap(() => console.log('done')));
  }
}
