// Step 3 of a chain of ten injected services, one module each.
import { LoyaltyService } from './loyalty';

export class DiscountsService {
  constructor(private readonly next: LoyaltyService) {}

  async step(id: string): Promise<void> {
    await this.next.step(id);
  }
}
