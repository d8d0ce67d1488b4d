// Suppression comments in TypeScript are checked as in PHP: an unknown rule id is reported
// (and silences nothing), a missing reason is reported, and so is a suppression that hides
// no finding.
import { Pool } from 'pg';

const pool = new Pool();

export async function syncInvoices(accountId: string): Promise<void> {
  const client = await pool.connect();
  try {
    // session-lint-ignore held-across-slow-call: the ledger answers in 20 ms // expect: invalid-suppression
    await fetch(`https://ledger.example.com/accounts/${accountId}`); // expect: held-across-slow-call
  } finally {
    client.release();
  }
}

export async function syncPayments(accountId: string): Promise<void> {
  const client = await pool.connect();
  try {
    // session-lint-ignore held-across-slow-call // expect: invalid-suppression
    await fetch(`https://ledger.example.com/accounts/${accountId}/payments`);
  } finally {
    client.release();
  }
}

export async function refreshInvoices(accountId: string): Promise<void> {
  await fetch(`https://ledger.example.com/accounts/${accountId}/refresh`);
}
