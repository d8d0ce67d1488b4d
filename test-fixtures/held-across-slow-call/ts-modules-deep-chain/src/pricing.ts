// Step 2 of a chain of ten injected services, one module each.
import { DiscountsService } from './discounts';

export class PricingService {
  constructor(private readonly next: DiscountsService) {}

  async step(id: string): Promise<void> {
    await this.next.step(id);
  }
}
