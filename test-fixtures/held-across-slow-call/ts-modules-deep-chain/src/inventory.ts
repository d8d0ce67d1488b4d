// Step 5 of a chain of ten injected services, one module each.
import { WarehouseService } from './warehouse';

export class InventoryService {
  constructor(private readonly next: WarehouseService) {}

  async step(id: string): Promise<void> {
    await this.next.step(id);
  }
}
