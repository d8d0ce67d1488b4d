// Every query inside the held region runs on the held client or transaction: the client
// itself, `tx`, `trx` (or `.transacting(trx)`); queries through the pool run outside it.
import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
import knex from 'knex';

const pool = new Pool();
const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function closeAccount(accountId: string): Promise<void> {
  const { rows } = await pool.query('SELECT email FROM users WHERE account_id = $1', [accountId]);
  const client = await pool.connect();
  try {
    await client.query('UPDATE accounts SET closed = true WHERE id = $1', [accountId]);
    await client.query('INSERT INTO outbox (email) VALUES ($1)', [rows[0].email]);
  } finally {
    client.release();
  }
}

export class OrderService {
  private readonly prisma = new PrismaClient();

  async confirm(orderId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: 'confirmed' } });
      await tx.auditLog.create({ data: { orderId, action: 'confirm' } });
    });
    await this.prisma.auditLog.create({ data: { orderId, action: 'confirmed' } });
  }
}

export async function moveStock(sku: string, to: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('stock').where({ sku }).update({ location: to });
    await db('stock_history').insert({ sku, to }).transacting(trx);
  });
}
