// Type-aware: a service given the installed SDK's client by its constructor (as a DI container
// does) is typed through the checker; the type's import names the package and the export, so
// the client's methods are judged by what the package's code does.
import { Pool } from 'pg';
import type { LedgerClient } from 'fake-ledger-sdk';

export class TransferService {
  constructor(
    private readonly pool: Pool,
    private readonly ledger: LedgerClient,
  ) {}

  async settle(from: string, to: string, amount: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      this.ledger.validateTransfer({ from, to, amount });
      await client.query('UPDATE balances SET amount = amount - $1 WHERE id = $2', [amount, from]);
      await this.ledger.submitTransfer({ from, to, amount }); // expect: held-across-slow-call
    } finally {
      client.release();
    }
  }
}
