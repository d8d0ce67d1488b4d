// pg-promise and nodemailer made in a constructor: `this.db = pgp(cn)` after `require('pg-promise')(options)`,
// a connection held by `db.connect()` until `sco.done()`, `txIf`, and a transport from a named import.
const initOptions = {};
const pgp = require('pg-promise')(initOptions);
const { createTransport } = require('nodemailer');

class Store {
  constructor(cn) {
    this.db = pgp(cn);
    this.mailer = createTransport({ host: 'smtp.example.com' });
  }

  async lock(id) {
    const sco = await this.db.connect();
    try {
      await sco.none('select pg_advisory_lock($1)', [id]);
      await this.mailer.sendMail({ to: 'ops@example.com', subject: 'locked' }); // expect: held-across-slow-call "^pg-promise connection `sco` held across `this.mailer.sendMail\(\)`"
    } finally {
      sco.done();
    }
  }

  async other(id) {
    await this.db.one('select 1'); // expect: held-across-slow-call "^pg-promise transaction `t` held across `this.db.one\(\)` on another connection"
    await this.db.txIf(async (t) => {
      await t.none('update x set y = 1 where id = $1', [id]);
    });
  }
}
module.exports = { Store };
