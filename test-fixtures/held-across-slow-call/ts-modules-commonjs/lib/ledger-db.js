const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

exports.pool = pool;
