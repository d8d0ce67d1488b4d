// CommonJS knex, as Ghost and other Express apps write it: the module is called as a
// function, in two steps or in one. A transaction held across an HTTP call.
const Knex = require('knex');
const knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL });
const db = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

async function publishPost(id) {
  await fetch(`https://webhooks.example.com/published/${id}`, { method: 'POST' }); // expect: held-across-slow-call
  await knex.transaction(async (trx) => {
    await trx('posts').where({ id }).update({ status: 'published' });
  });
}

async function archivePost(id) {
  await fetch(`https://webhooks.example.com/archived/${id}`, { method: 'POST' }); // expect: held-across-slow-call
  await db.transaction(async (trx) => {
    await trx('posts').where({ id }).update({ status: 'archived' });
  });
}

module.exports = { publishPost, archivePost };
