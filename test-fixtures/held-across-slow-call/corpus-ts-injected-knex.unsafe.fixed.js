// @directus/api 39.2.1 (dist/services/files.js `FilesService.updateMany`), with the same shape
// in @backstage/plugin-catalog-backend (`this.database`, `this.db`) and Ghost's repositories:
// the knex instance reaches the service through its constructor's options. When a file's
// `filename_disk` changes, Directus moves the stored files on the storage driver (S3, GCS, …)
// inside the transaction that updated the row. Missed by the review's engine (a672f76): in
// compiled JavaScript the injected `this.knex` has no type (the `.d.ts` next to it is not read).
// Now recognised by shape: `x.transaction(async (trx) => …)` on a receiver that is not typed.
const knex = require('knex');

class FilesService {
  constructor(options) {
    this.knex = options.knex;
  }

  async updateOne(key, data) {
    await fetch(`https://storage.example.com/move?to=${encodeURIComponent(data.filename_disk)}`, { method: 'POST' }); // expect: held-across-slow-call
    await this.knex.transaction(async (trx) => {
      await trx('directus_files').where({ id: key }).update(data);
    });
  }
}

const service = new FilesService({ knex: knex({ client: 'pg', connection: process.env.DATABASE_URL }) });

module.exports = { service };
