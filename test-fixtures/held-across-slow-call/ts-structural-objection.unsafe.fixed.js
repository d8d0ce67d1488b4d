// Objection.js: `transaction(knex, cb)` (the module's function) and a model's static
// `Model.transaction(cb)`; a nodemailer transport made by `createTransport()` in the constructor.
'use strict';
const { transaction, Model } = require('objection');
const nodemailer = require('nodemailer');
const Knex = require('knex');

const knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL });

class Person extends Model {
  static get tableName() {
    return 'persons';
  }
}

class Mailer {
  constructor() {
    this.transport = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });
  }

  async welcome(person) {
    await this.transport.sendMail({ to: person.email, subject: 'Welcome' }); // expect: held-across-slow-call "^Objection \(knex\) transaction `trx` held across `this.transport.sendMail\(\)`"
    await transaction(knex, async (trx) => {
      await Person.query(trx).patch({ welcomed: true }).where('id', person.id);
    });
  }

  async remind(person) {
    await this.transport.sendMail({ to: person.email, subject: 'Reminder' }); // expect: held-across-slow-call "^Database transaction \(receiver not typed\) `trx` held across `this.transport.sendMail\(\)`"
    await Person.transaction(async (trx) => {
      await Person.query(trx).patch({ reminded: true }).where('id', person.id);
    });
  }
}

module.exports = { Mailer };
