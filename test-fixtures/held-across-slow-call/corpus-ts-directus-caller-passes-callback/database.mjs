import knex from 'knex';

let database = null;
var database_default = getDatabase;
function getDatabase() {
  if (database) return database;
  database = knex({ client: 'mssql', connection: process.env.DB_URL });
  return database;
}

export { database_default as default, getDatabase };
