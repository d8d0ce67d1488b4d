module.exports = {
    database: { client: 'mysql2', connection: process.env.DATABASE_URL }
};
