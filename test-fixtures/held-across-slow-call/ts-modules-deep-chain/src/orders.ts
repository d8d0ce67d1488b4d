// Step 1 of a chain of ten injected services, one module each.
import { PricingService } from './pricing';

export class OrdersService {
  constructor(private readonly next: PricingService) {}

  async step(id: string): Promise<void> {
    await this.next.step(id);
  }
}
