// Ghost's shape: the data layer's `knex` property runs a transaction while a webhook is called.
const db = require('../data/db');
const webhooks = require('../lib/webhooks');
const { notifyArchived } = require('../lib/webhooks');

async function publish(post) {
    await db.knex.transaction(async (trx) => {
        await trx('posts').where({ id: post.id }).update({ status: 'published' });
        await webhooks.notifyPublished(post); // expect: held-across-slow-call
    });
}

async function archive(post) {
    await db.knex.transaction(async (trx) => {
        await trx('posts').where({ id: post.id }).update({ status: 'archived' });
        await notifyArchived(post); // expect: held-across-slow-call
    });
}

// Clean: the webhook runs once the transaction has committed.
async function unpublish(post) {
    await db.knex.transaction(async (trx) => {
        await trx('posts').where({ id: post.id }).update({ status: 'draft' });
    });
    await webhooks.notifyArchived(post);
}

module.exports = { publish, archive, unpublish };
