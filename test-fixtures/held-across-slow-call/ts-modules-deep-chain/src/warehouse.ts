// Step 6 of a chain of ten injected services, one module each.
import { ShippingService } from './shipping';

export class WarehouseService {
  constructor(private readonly next: ShippingService) {}

  async step(id: string): Promise<void> {
    await this.next.step(id);
  }
}
