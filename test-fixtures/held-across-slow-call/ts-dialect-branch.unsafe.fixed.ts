// Slow work in a branch taken only for one database dialect (the knex client's configured
// `client`, the client class a helper maps to a name, Sequelize's `getDialect()`, a TypeORM
// manager's `connection.options.type`) keeps the transaction open only on that database: an
// installation runs on one, so it is not the main path: `info`, saying which database. The same
// work outside such a branch is a warning (`ts-dialect-branch-main-path.ts` tests other values).
import knex from 'knex';
import { Sequelize } from 'sequelize';
import type { EntityManager } from 'typeorm';

const db = knex({ client: process.env.DB_CLIENT, connection: process.env.DATABASE_URL });
const sequelize = new Sequelize(process.env.DATABASE_URL!);

/** Maps the knex client class to a dialect name, as Directus' `getDatabaseClient()` does. */
function databaseClient(): string {
  switch (db.client.constructor.name) {
    case 'Client_MySQL':
      return 'mysql';
    case 'Client_MSSQL':
      return 'mssql';
    default:
      return 'postgres';
  }
}


export async function renameColumn(table: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.schema.alterTable(table, (t) => t.renameColumn('a', 'b'));
    if (db.client.config.client === 'mssql') {
      await fetch(`https://registry.example.com/${table}`); // expect: held-across-slow-call@info "only on a mssql database \(`db\.client\.config\.client === 'mssql'`\)"
    }
  });
}

export async function dropColumn(table: string): Promise<void> {
  await fetch(`https://registry.example.com/${table}`); // expect: held-across-slow-call@warning
  await db.transaction(async (trx) => {
    await trx.schema.alterTable(table, (t) => t.dropColumn('a'));
  });
}

export async function insertRow(table: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx(table).insert({});
    const client = databaseClient();
    switch (client) {
      case 'mysql':
        break;
      case 'mssql':
        await fetch(`https://registry.example.com/${table}`); // expect: held-across-slow-call@info "only on a mssql database"
        break;
      default:
        await trx(table).count();
    }
  });
}

export async function upsertTag(name: string): Promise<void> {
  await sequelize.transaction(async (transaction) => {
    if (sequelize.getDialect() !== 'postgres') {
      await sequelize.query('SELECT 1', { transaction });
    } else {
      await fetch(`https://registry.example.com/${name}`); // expect: held-across-slow-call@info "only on a postgres database \(`sequelize\.getDialect\(\) === 'postgres'`\)"
    }
  });
}

export async function archive(manager: EntityManager, id: string): Promise<void> {
  await manager.transaction(async (tx) => {
    await tx.query('UPDATE items SET archived = true WHERE id = $1', [id]);
    if (['mysql', 'mariadb'].includes(tx.connection.options.type)) {
      await fetch(`https://registry.example.com/${id}`); // expect: held-across-slow-call@info "only on a mysql or mariadb database"
    }
  });
}
