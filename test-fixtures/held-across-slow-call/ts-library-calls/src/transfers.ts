// A call into an installed package the catalog does not name is judged by what the package's
// code does: `submitTransfer` and `accounts.lookup` reach `fetch` (through the SDK's transport
// module), so they are slow while the pooled client is held; `validateTransfer` and
// `formatAmount` do no I/O.
import { Pool } from 'pg';
import { LedgerClient, formatAmount, type Transfer } from 'fake-ledger-sdk';

const pool = new Pool();
const ledger = new LedgerClient({ endpoint: 'https://ledger.example.com' });

export async function recordTransfer(transfer: Transfer): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('INSERT INTO transfers (amount) VALUES ($1)', [transfer.amount]);
    await ledger.submitTransfer(transfer); // expect: held-across-slow-call
  } finally {
    client.release();
  }
}

export async function checkAccount(id: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT 1 FROM accounts WHERE id = $1', [id]);
    await ledger.accounts.lookup(id); // expect: held-across-slow-call
  } finally {
    client.release();
  }
}

export async function previewTransfer(transfer: Transfer): Promise<string> {
  const client = await pool.connect();
  try {
    ledger.validateTransfer(transfer);
    await client.query('SELECT 1');
    return formatAmount(transfer.amount);
  } finally {
    client.release();
  }
}
