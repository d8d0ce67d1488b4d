// Reduced from @directus/api 39.2.1 dist/license/manager.js syncLicense().
// Nothing is held here: the transaction lives and ends inside upsertSingleton(). Was reported
// at the upsertSingleton() call as "`trx` held across `transaction()` … in the callback that
// new ItemsService(…).upsertSingleton() runs with it": the callee's summary handed up the slow
// work of its own `transaction(knex, async (trx) => …)` closure as a callback of its caller.
// `store(async …)` only made this function a candidate for the helper's lent `trx` (it passes
// a callable somewhere); no callback of ours reaches upsertSingleton(), so nothing to report.
import { ItemsService } from './items.mjs';

export async function syncLicense(store) {
  await store(async (s) => s.delete('invalidStatus'));
  await new ItemsService('directus_settings', {}).upsertSingleton({ license_key: null });
}
