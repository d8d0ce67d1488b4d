// Clean counterpart of corpus-ts-knex-from-getter.mjs: the file is moved after the commit.
import knex from 'knex';

let database = null;

export function getDatabase() {
  if (database) return database;
  database = knex({ client: 'pg', connection: process.env.DATABASE_URL });
  return database;
}

export async function moveFile(key, target) {
  await getDatabase().transaction(async (trx) => {
    await trx('directus_files').where({ id: key }).update({ filename_disk: target });
  });
  await fetch(`https://storage.example.com/move?to=${encodeURIComponent(target)}`, { method: 'POST' });
}
