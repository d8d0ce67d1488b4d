// Reduced from @directus/api 39.2.1 dist/license/manager.js syncLicense().
// Nothing is held here: the transaction lives and ends inside upsertSingleton(). Reported today
// at the upsertSingleton() call as "`trx` held across `transaction()` … in the callback that
// new ItemsService(…).upsertSingleton() runs with it" (twice), but only when the function has
// first passed an async callback to an unknown function (`store(async (s) => …)`, Directus'
// Redis-lock store): without that line the call is quiet. (Once here; twice per call in the
// original, also "held across `this.updateMany()`".) The finding inside the callee is
// re-placed at this caller as if upsertSingleton() ran a callback of ours with the transaction.
import { ItemsService } from './items.mjs';

export async function syncLicense(store) {
  await store(async (s) => s.delete('invalidStatus'));
  await new ItemsService('directus_settings', {}).upsertSingleton({ license_key: null });
}
