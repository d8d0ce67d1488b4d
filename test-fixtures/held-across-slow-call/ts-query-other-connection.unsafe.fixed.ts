// Queries through the pool or the base client while a client or transaction is held run on
// another connection: the held one waits for it (and, with a small pool, may wait forever).
// Reported as `database` work, `info` by default.
import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
import knex from 'knex';

const pool = new Pool();
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function closeAccount(accountId: string): Promise<void> {
  let client = await pool.connect();
  let clientHeld = true;
  try {
    await client.query('UPDATE accounts SET closed = true WHERE id = $1', [accountId]);
    client.release();
    clientHeld = false;
    const { rows } = await pool.query('SELECT email FROM users WHERE account_id = $1', [accountId]); // expect: held-across-slow-call "^Pooled client `client` held across `pool.query\(\)` on another connection"
    client = await pool.connect();
    clientHeld = true;
    await client.query('INSERT INTO outbox (email) VALUES ($1)', [rows[0].email]);
  } finally {
    if (clientHeld) client.release();
  }
}

export class OrderService {
  private readonly prisma = new PrismaClient();

  async confirm(orderId: string): Promise<void> {
    await this.prisma.auditLog.create({ data: { orderId, action: 'confirm' } }); // expect: held-across-slow-call "^Prisma interactive transaction `tx` held across `this.prisma.auditLog.create\(\)` on another connection"
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: 'confirmed' } });
    });
  }
}

export async function moveStock(sku: string, to: string): Promise<void> {
  await db('stock_history').insert({ sku, to }); // expect: held-across-slow-call "^knex transaction `trx` held across `db\(\)` on another connection"
  await db.transaction(async (trx) => {
    await trx('stock').where({ sku }).update({ location: to });
  });
}
