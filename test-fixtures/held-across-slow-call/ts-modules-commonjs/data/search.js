// The search index's knex is set up by init(), called once at boot.
const knex = require('knex');

exports.init = function init(config) {
    module.exports.knex = knex({ client: 'pg', connection: config.searchDatabaseUrl });
};
