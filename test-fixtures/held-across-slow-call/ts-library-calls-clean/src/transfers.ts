// Clean twin of ts-library-calls: under the pooled client only what the installed packages'
// code shows does no I/O (`validateTransfer`, `formatAmount`, `render`); their slow calls
// come after the release; a package that is not installed is judged by the catalog (it is
// not, so its call is not slow) and named once in the run's notes.
import { Pool } from 'pg';
import { LedgerClient, formatAmount, type Transfer } from 'fake-ledger-sdk';
import { deliver, render } from 'fake-mailer';
import { track } from 'not-installed-analytics';

const pool = new Pool();
const ledger = new LedgerClient({ endpoint: 'https://ledger.example.com' });

export async function recordTransfer(transfer: Transfer): Promise<void> {
  const client = await pool.connect();
  let receipt: string;
  try {
    ledger.validateTransfer(transfer);
    await client.query('INSERT INTO transfers (amount) VALUES ($1)', [transfer.amount]);
    receipt = render('Sent {name}', { name: formatAmount(transfer.amount) });
    await track('transfer', transfer);
  } finally {
    client.release();
  }
  await ledger.submitTransfer(transfer);
  await deliver({ to: transfer.from, body: receipt });
}
