// The Kysely adapter, with the adapter named on the decorator and transaction options.
import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterKysely } from '@nestjs-cls/transactional-adapter-kysely';

interface Database {
  report: { id: string; state: string };
}

@Injectable()
export class ReportService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterKysely<Database>>) {}

  @Transactional<TransactionalAdapterKysely<Database>>({ isolationLevel: 'serializable' })
  async render(reportId: string): Promise<void> {
    await this.txHost.tx.updateTable('report').set({ state: 'rendering' }).where('id', '=', reportId).execute();
    await fetch(`https://pdf.example.com/render/${reportId}`, { method: 'POST' }); // expect: held-across-slow-call "^Transaction `@Transactional\(…\)` held across `fetch\(\)`"
  }
}
