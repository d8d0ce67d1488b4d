const search = require('../data/search');

async function reindex(post) {
    await search.knex.transaction(async (trx) => {
        await trx('search_documents').where({ post_id: post.id }).del();
        await fetch(`https://embeddings.example.com/embed/${post.id}`, { method: 'POST' }); // expect: held-across-slow-call
    });
}

// Clean: the embedding is fetched before the transaction.
async function reindexFixed(post) {
    const response = await fetch(`https://embeddings.example.com/embed/${post.id}`, { method: 'POST' });
    const vector = await response.json();
    await search.knex.transaction(async (trx) => {
        await trx('search_documents').where({ post_id: post.id }).update({ vector });
    });
}

module.exports = { reindex, reindexFixed };
