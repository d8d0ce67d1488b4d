// Tests that look like a dialect test but are not one keep slow work on the main path: a
// request option named `type`, a setting named like a dialect, a helper that returns string
// literals without reading the dialect, and a knex `client` that is a variable of the project
// (not the configured client of a knex instance). And a real dialect branch for the database the
// project configures (`client: 'pg'`, tested as knex's `postgresql` dialect): the main path.
// Each is a warning (`ts-dialect-branch.ts` has the real dialect branches, at `info`;
// `ts-dialect-branch-configured.ok.ts` those for a database the project does not configure).
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const config = { database: process.env.DB_CLIENT ?? 'mssql' };

function plan(tier: number): string {
  if (tier > 2) return 'mssql';
  return 'postgres';
}


export async function place(id: string, request: { options: { type: string } }): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('orders').insert({ id });
    if (request.options.type === 'mysql') {
      await fetch(`https://registry.example.com/${id}`); // expect: held-across-slow-call@warning
    }
  });
}

export async function cancel(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id }).delete();
    if (config.database === 'mssql') {
      await fetch(`https://registry.example.com/${id}`); // expect: held-across-slow-call@warning
    }
  });
}

export async function upgrade(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id }).update({ tier: 3 });
    switch (plan(Number(id))) {
      case 'mssql':
        await fetch(`https://registry.example.com/${id}`); // expect: held-across-slow-call@warning
        break;
    }
  });
}

export async function refund(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('refunds').insert({ id });
    const client = { config: { client: id } };
    if (client.config.client === 'mssql') {
      await fetch(`https://registry.example.com/${id}`); // expect: held-across-slow-call@warning
    }
  });
}

export async function reprice(id: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('orders').where({ id }).update({ priced: true });
    if (db.client.dialect === 'postgresql') {
      await fetch(`https://registry.example.com/${id}`); // expect: held-across-slow-call@warning
    }
  });
}
