// Type-aware mode: the pool and the Prisma client arrive through the constructor, so only
// their declared types say what they are. A query through the pool while this service's own
// SQL transaction is open runs on another connection; the Prisma call on the injected client
// inside `$transaction` too.
import { Pool, type PoolClient } from 'pg';
import { PrismaClient } from '@prisma/client';

export class LedgerService {
  constructor(
    private readonly pool: Pool,
    private readonly prisma: PrismaClient,
  ) {}

  async post(client: PoolClient, entryId: string): Promise<void> {
    await client.query('BEGIN');
    await client.query('UPDATE entries SET posted = true WHERE id = $1', [entryId]);
    await this.pool.query('INSERT INTO audit (entry_id) VALUES ($1)', [entryId]); // expect: held-across-slow-call "^Transaction `client` held across `this.pool.query\(\)` on another connection"
    await client.query('COMMIT');
  }

  async postFixed(client: PoolClient, entryId: string): Promise<void> {
    await client.query('BEGIN');
    await client.query('UPDATE entries SET posted = true WHERE id = $1', [entryId]);
    await client.query('INSERT INTO audit (entry_id) VALUES ($1)', [entryId]);
    await client.query('COMMIT');
    await this.pool.query('NOTIFY ledger');
  }

  async archive(entryId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.entry.update({ where: { id: entryId }, data: { archived: true } });
      await this.prisma.archiveLog.create({ data: { entryId } }); // expect: held-across-slow-call "^Prisma interactive transaction `tx` held across `this.prisma.archiveLog.create\(\)` on another connection"
    });
  }
}
