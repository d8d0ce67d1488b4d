// Step 8 of a chain of ten injected services, one module each.
import { LabelsService } from './labels';

export class CarriersService {
  constructor(private readonly next: LabelsService) {}

  async step(id: string): Promise<void> {
    await this.next.step(id);
  }
}
