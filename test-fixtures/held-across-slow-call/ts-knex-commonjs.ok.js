// The clean form of ts-knex-commonjs.js: the webhook is called after the transaction commits.
const Knex = require('knex');
const knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function publishPost(id) {
  await knex.transaction(async (trx) => {
    await trx('posts').where({ id }).update({ status: 'published' });
  });
  await fetch(`https://webhooks.example.com/published/${id}`, { method: 'POST' });
}

module.exports = { publishPost };
