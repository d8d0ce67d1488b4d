// Step 7 of a chain of ten injected services, one module each.
import { CarriersService } from './carriers';

export class ShippingService {
  constructor(private readonly next: CarriersService) {}

  async step(id: string): Promise<void> {
    await this.next.step(id);
  }
}
