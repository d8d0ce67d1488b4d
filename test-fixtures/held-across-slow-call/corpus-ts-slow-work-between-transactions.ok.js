// @backstage/plugin-catalog-backend 4.0.0 (dist/processing/DefaultCatalogProcessingEngine.cjs.js):
// each processing run loads its item in one short transaction, runs the processors (which read
// from GitHub, GitLab, … over HTTP) with no transaction open, and writes the result in a second
// transaction, retried on deadlock through a helper that takes a thunk. Nothing is held across
// the slow work.
'use strict';
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

async function retryOnDeadlock(fn, retries = 3) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= retries || error.code !== '40P01') throw error;
    }
  }
}

async function processTask(id) {
  const item = await knex.transaction(async (tx) => {
    return tx('refresh_state').where({ entity_id: id }).first();
  });
  const response = await fetch(`https://github.example.com/raw/${item.location}`);
  const processed = await response.json();
  await retryOnDeadlock(() =>
    knex.transaction(async (tx) => {
      await tx('final_entities').where({ entity_id: id }).update({ final_entity: JSON.stringify(processed) });
    }),
  );
}

module.exports = { processTask };
