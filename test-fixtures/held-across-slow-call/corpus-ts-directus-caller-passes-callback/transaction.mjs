const transaction = async (knex$1, handler) => {
  if (knex$1.isTransaction) return handler(knex$1);
  return await knex$1.transaction((trx) => handler(trx)); // expect: held-across-slow-call@info "which runs its callers' callbacks: 2 callers pass it slow work"
};

export { transaction };
