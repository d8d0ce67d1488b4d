// The gateway comes back inside an object the async method declares as its result
// (vendure's `getMethodAndOperations(): Promise<{ paymentMethod; handler }>`): the type of
// `handler` after `await` is read from the declared `Promise<…>`.
import { Gateway } from './gateway';

export class MethodsService {
  private readonly gateways: Record<string, Gateway> = {};

  async methodFor(code: string): Promise<{ code: string; gateway: Gateway }> {
    return { code, gateway: this.gateways[code]! };
  }
}
