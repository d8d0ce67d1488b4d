// `events.transaction()` is the project's own method (in another module), not a database
// transaction: calling the CRM inside it holds nothing. The injected `deps.knex` can't be
// typed, so its `transaction(cb)` is taken for a database transaction by its shape.
import { events } from './event-store';

interface SyncDeps {
  readonly knex: any;
}

export async function recordSignup(email: string): Promise<void> {
  await events.transaction(async (batch) => {
    const response = await fetch('https://crm.example.com/contacts', { method: 'POST', body: JSON.stringify({ email }) });
    batch.push({ type: 'signup', payload: await response.json() });
  });
}

export async function syncContacts(deps: SyncDeps, since: Date): Promise<void> {
  await deps.knex.transaction(async (trx: any) => {
    const rows = await trx('contacts').where('updated_at', '>', since);
    await fetch('https://crm.example.com/contacts/bulk', { method: 'POST', body: JSON.stringify(rows) }); // expect: held-across-slow-call "receiver not typed"
  });
}
