// Medusa modules: the provider call runs in a method without a transaction (`@InjectManager()`
// only hands it a manager), and the transactional method does database work only.
import { InjectManager, InjectTransactionManager, MedusaContext } from '@medusajs/framework/utils';

export class ReservationService {
  @InjectManager()
  async reserve(id: string, @MedusaContext() sharedContext: Record<string, unknown> = {}): Promise<void> {
    await fetch(`https://warehouse.example.com/reserve/${id}`, { method: 'POST' });
    await this.markReserved(id, sharedContext);
  }

  @InjectTransactionManager()
  protected async markReserved(id: string, @MedusaContext() sharedContext: Record<string, unknown> = {}): Promise<void> {
    void id;
    void sharedContext;
  }
}
