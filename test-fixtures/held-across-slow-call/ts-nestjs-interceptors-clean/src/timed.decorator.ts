import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { LoggingInterceptor, TimingInterceptor } from './timing.interceptor';

export const Timed = () => applyDecorators(SetMetadata('timed', true), UseInterceptors(TimingInterceptor, LoggingInterceptor));
