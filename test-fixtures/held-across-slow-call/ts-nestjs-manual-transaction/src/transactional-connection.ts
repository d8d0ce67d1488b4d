// The project's connection service, as vendure's `TransactionalConnection`: its methods start,
// commit and roll back the transaction on the query runner the interceptor put on the request
// context. Their names say nothing the analysis trusts: what each does is read from its body.
import { QueryRunner } from 'typeorm';

export interface RequestContext {
  queryRunner?: QueryRunner;
}

export class TransactionalConnection {
  private runnerOf(ctx: RequestContext): QueryRunner | undefined {
    return ctx.queryRunner;
  }

  async startTransaction(ctx: RequestContext): Promise<void> {
    const runner = this.runnerOf(ctx);
    if (runner?.isTransactionActive === false) {
      await runner.startTransaction();
    }
  }

  async commitOpenTransaction(ctx: RequestContext): Promise<void> {
    const runner = this.runnerOf(ctx);
    if (runner?.isTransactionActive) {
      await runner.commitTransaction();
    }
  }

  async rollBackTransaction(ctx: RequestContext): Promise<void> {
    const runner = this.runnerOf(ctx);
    if (runner?.isTransactionActive) {
      await runner.rollbackTransaction();
    }
  }
}
