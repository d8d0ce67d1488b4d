// Injected through the constructor: the callback passed to `transactional()` runs inside the
// transaction, so the PDF rendering service it calls is held; the clean method renders first.
import { DatabaseService } from './database.service';

export class InvoicesService {
  constructor(private readonly db: DatabaseService) {}

  async issue(invoiceId: string): Promise<void> {
    await this.db.transactional(async (tx) => {
      await tx.invoice.update({ where: { id: invoiceId }, data: { state: 'issued' } });
      await fetch(`https://pdf.example.com/render/${invoiceId}`, { method: 'POST' }); // expect: held-across-slow-call
    });
  }

  async issueFixed(invoiceId: string): Promise<void> {
    await fetch(`https://pdf.example.com/render/${invoiceId}`, { method: 'POST' });
    await this.db.transactional(async (tx) => {
      await tx.invoice.update({ where: { id: invoiceId }, data: { state: 'issued' } });
    });
  }
}
