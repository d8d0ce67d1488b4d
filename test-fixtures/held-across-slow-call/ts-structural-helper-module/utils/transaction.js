// Directus' transaction helper (dist/utils/transaction.js), as a function declaration: the knex
// instance is its parameter (no type), and it runs its handler inside that transaction.
export async function transaction(knex, handler) {
  if (knex.isTransaction) return handler(knex);
  return await knex.transaction((trx) => handler(trx));
}
