import { BaseRepository } from './base.repository';
import { billing } from '../services/billing';

export class InvoicesRepository extends BaseRepository {
  async settle(invoiceId: string, customerId: string, amount: number): Promise<void> {
    await this.inTransaction(async (client) => {
      await client.query('UPDATE invoices SET state = $1 WHERE id = $2', ['settling', invoiceId]);
      await billing.charge(customerId, amount);
    });
  }

  // Clean: the charge happens before the transaction.
  async settleThenRecord(invoiceId: string, customerId: string, amount: number): Promise<void> {
    const chargeId = await billing.charge(customerId, amount);
    await this.inTransaction(async (client) => {
      await client.query('UPDATE invoices SET charge_id = $1 WHERE id = $2', [chargeId, invoiceId]);
    });
  }
}
