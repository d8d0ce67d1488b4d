// Step 9 of a chain of ten injected services, one module each.
import { GatewayService } from './gateway';

export class LabelsService {
  constructor(private readonly next: GatewayService) {}

  async step(id: string): Promise<void> {
    await this.next.step(id);
  }
}
