// A request-scoped transaction kept in async-local storage: the helpers below put the client
// or the knex transaction there, and the repositories read it back with `currentClient()`,
// so the work the helpers run has no parameter for it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient } from 'pg';
import type { Knex } from 'knex';

export const clientStorage = new AsyncLocalStorage<PoolClient>();
export const trxStorage = new AsyncLocalStorage<Knex.Transaction>();

export function currentClient(): PoolClient {
  const client = clientStorage.getStore();
  if (!client) throw new Error('no transaction');
  return client;
}
