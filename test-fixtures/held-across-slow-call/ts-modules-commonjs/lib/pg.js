// A pg pool and a query helper, shared the CommonJS way.
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

module.exports = {
    pool,
    query: (text, params) => pool.query(text, params)
};
