// Branches for a database other than the one the project configures where it makes the
// instance (`knex({ client: 'pg' })`, `new Sequelize(url, { dialect: 'mysql' })`) never run:
// their slow work is not held by anything. Knex's client class names count as the same
// database (`Client_MSSQL` is `mssql`).
import knex from 'knex';
import { Sequelize } from 'sequelize';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const sequelize = new Sequelize(process.env.DATABASE_URL!, { dialect: 'mysql' });

export async function renameColumn(table: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.schema.alterTable(table, (t) => t.renameColumn('a', 'b'));
    if (db.client.config.client === 'mssql') {
      await fetch(`https://registry.example.com/${table}`);
    }
  });
}

export async function dropColumn(table: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.schema.alterTable(table, (t) => t.dropColumn('a'));
    const client = db.client.constructor.name;
    switch (client) {
      case 'Client_MSSQL':
        await fetch(`https://registry.example.com/${table}`);
        break;
      case 'Client_PG':
        await trx(table).count();
        break;
    }
  });
}

export async function upsertTag(name: string): Promise<void> {
  await sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT 1', { transaction });
    if (sequelize.getDialect() === 'postgres' || sequelize.getDialect() === 'mssql') {
      await fetch(`https://registry.example.com/${name}`);
    }
  });
}
