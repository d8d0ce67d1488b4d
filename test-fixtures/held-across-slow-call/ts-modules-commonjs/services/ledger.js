// A repository keeps the data module on `this` and reaches the pool through it.
const axios = require('axios');

class LedgerRepository {
    constructor() {
        this.db = require('../lib/ledger-db');
    }

    async post(entry) {
        const client = await this.db.pool.connect();
        try {
            await client.query('INSERT INTO ledger (id, amount) VALUES ($1, $2)', [entry.id, entry.amount]);
            await axios.post('https://bank.example.com/transfers', entry); // expect: held-across-slow-call
        } finally {
            client.release();
        }
    }

    // Clean: the transfer is made once the client is back in the pool.
    async postThenTransfer(entry) {
        const client = await this.db.pool.connect();
        try {
            await client.query('INSERT INTO ledger (id, amount) VALUES ($1, $2)', [entry.id, entry.amount]);
        } finally {
            client.release();
        }
        await axios.post('https://bank.example.com/transfers', entry);
    }
}

module.exports = new LedgerRepository();
