// The knex instance, made once when the configuration has a database (as Ghost does).
const knex = require('knex');
const config = require('../../lib/config');

let knexInstance;

if (!knexInstance && config.database && config.database.client) {
    knexInstance = knex({ client: config.database.client, connection: config.database.connection });
}

module.exports = knexInstance;
