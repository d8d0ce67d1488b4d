// Step 4 of a chain of ten injected services, one module each.
import { InventoryService } from './inventory';

export class LoyaltyService {
  constructor(private readonly next: InventoryService) {}

  async step(id: string): Promise<void> {
    await this.next.step(id);
  }
}
