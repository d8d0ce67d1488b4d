// A suppression with a known rule and a reason, on the line before the finding, silences it.
import { Pool } from 'pg';

const pool = new Pool();

export async function syncInvoices(accountId: string): Promise<void> {
  const client = await pool.connect();
  try {
    // session-lint-ignore held-across-slow-call: the ledger is on the same host and answers in 20 ms
    await fetch(`https://ledger.example.com/accounts/${accountId}`);
  } finally {
    client.release();
  }
}
