// A method called on a parameter that is not an options object (`data.map()` on an array) is
// the value's own, not a callback the callers give: the transaction of the decorated method is
// not lent to them, so a caller that passes a callable elsewhere and calls slow work after the
// decorated method returned holds nothing there (Medusa's `createRegions_(data)` shape).
import { InjectTransactionManager, MedusaContext } from '@medusajs/framework/utils';

export class RegionService {
  @InjectTransactionManager()
  async createRegions_(data: { name: string }[], @MedusaContext() sharedContext: Record<string, unknown> = {}): Promise<string[]> {
    void sharedContext;
    return data.map((region) => region.name.trim());
  }
}

async function eachRegion(names: string[], work: (name: string) => Promise<void>): Promise<void> {
  for (const name of names) await work(name);
}

export async function setUpRegions(service: RegionService): Promise<void> {
  const names = await new RegionService().createRegions_([{ name: 'US' }]);
  await eachRegion(names, async (name) => {
    await fetch(`https://tax.example.com/regions/${name}`, { method: 'PUT' });
  });
  void service;
}
