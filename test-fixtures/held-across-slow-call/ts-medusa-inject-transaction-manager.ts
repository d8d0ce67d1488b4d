// Medusa modules: `@InjectTransactionManager()` runs the method inside a transaction (or the one
// its shared context carries), so slow work anywhere in the method is held in it.
import { InjectTransactionManager, MedusaContext } from '@medusajs/framework/utils';
import { setTimeout as sleep } from 'node:timers/promises';

export class ReservationService {
  @InjectTransactionManager()
  async reserve(id: string, @MedusaContext() sharedContext: Record<string, unknown> = {}): Promise<void> {
    void sharedContext;
    await fetch(`https://warehouse.example.com/reserve/${id}`, { method: 'POST' }); // expect: held-across-slow-call "^Transaction `@InjectTransactionManager\(\)` held across `fetch\(\)`"
  }

  @InjectTransactionManager()
  async retry(id: string): Promise<void> {
    await sleep(2000); // expect: held-across-slow-call
    void id;
  }
}
