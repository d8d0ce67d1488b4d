// Clean counterpart of corpus-ts-injected-knex.js: the stored file is moved after the
// transaction that updated the row has committed.
const knex = require('knex');

class FilesService {
  constructor(options) {
    this.knex = options.knex;
  }

  async updateOne(key, data) {
    await this.knex.transaction(async (trx) => {
      await trx('directus_files').where({ id: key }).update(data);
    });
    await fetch(`https://storage.example.com/move?to=${encodeURIComponent(data.filename_disk)}`, { method: 'POST' });
  }
}

const service = new FilesService({ knex: knex({ client: 'pg', connection: process.env.DATABASE_URL }) });

module.exports = { service };
