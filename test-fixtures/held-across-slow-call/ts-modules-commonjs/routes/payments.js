// A pool required three ways: destructured, through the module object, and as the module itself.
const express = require('express');
const { pool } = require('../lib/pg');
const pg = require('../lib/pg');
const auditPool = require('../lib/audit-pool');
const ping = require('../lib/ping');
const notifier = require('../lib/notifier');

const router = express.Router();

router.post('/payments/:id/capture', async (req, res) => {
    const client = await pool.connect();
    try {
        await client.query('SELECT 1 FROM payments WHERE id = $1 FOR UPDATE', [req.params.id]);
        await fetch(`https://psp.example.com/capture/${req.params.id}`, { method: 'POST' }); // expect: held-across-slow-call
    } finally {
        client.release();
    }
    res.sendStatus(204);
});

router.post('/payments/:id/refund', async (req, res) => {
    const client = await pg.pool.connect();
    try {
        await client.query('UPDATE payments SET state = $1 WHERE id = $2', ['refunding', req.params.id]);
        await ping('https://psp.example.com/health'); // expect: held-across-slow-call
    } finally {
        client.release();
    }
    res.sendStatus(204);
});

router.post('/payments/:id/audit', async (req, res) => {
    const client = await auditPool.connect();
    try {
        await client.query('INSERT INTO audit (payment_id) VALUES ($1)', [req.params.id]);
        await fetch('https://siem.example.com/events', { method: 'POST' }); // expect: held-across-slow-call
    } finally {
        client.release();
    }
    res.sendStatus(204);
});

router.post('/payments/:id/dispute', async (req, res) => {
    const client = await pool.connect();
    try {
        const { rows } = await client.query('UPDATE payments SET state = $1 WHERE id = $2 RETURNING *', ['disputed', req.params.id]);
        await notifier.sendSlack(notifier.format(rows[0])); // expect: held-across-slow-call
    } finally {
        client.release();
    }
    res.sendStatus(204);
});

// Clean: the provider is called before the client is taken; formatting is not slow.
router.post('/payments/:id/void', async (req, res) => {
    await fetch(`https://psp.example.com/void/${req.params.id}`, { method: 'POST' });
    const client = await pool.connect();
    try {
        const { rows } = await client.query('UPDATE payments SET state = $1 WHERE id = $2 RETURNING *', ['void', req.params.id]);
        console.log(notifier.format(rows[0]));
    } finally {
        client.release();
    }
    res.sendStatus(204);
});

module.exports = router;
