const pg = require('pg');

module.exports = new pg.Pool({ connectionString: process.env.AUDIT_DATABASE_URL });
