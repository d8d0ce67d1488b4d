// A Prisma client and a knex instance shared by other modules (one through a barrel, renamed).
import { Router } from 'express';
import { prisma } from '../db/prisma';
import { db } from '../db';

export const users = Router();

users.post('/users/:id/verify', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: req.params.id }, data: { verified: true } });
    await fetch('https://crm.example.com/hooks/verified', { method: 'POST', body: req.params.id }); // expect: held-across-slow-call
  });
  res.sendStatus(204);
});

users.post('/users/:id/archive', async (req, res) => {
  await db.transaction(async (trx) => {
    await trx('users').where({ id: req.params.id }).update({ archived: true });
    await fetch('https://crm.example.com/hooks/archived', { method: 'POST', body: req.params.id }); // expect: held-across-slow-call
  });
  res.sendStatus(204);
});

// Clean: the transaction only does database work; the hook runs after it commits.
users.post('/users/:id/restore', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: req.params.id }, data: { archived: false } });
  });
  await fetch('https://crm.example.com/hooks/restored', { method: 'POST', body: req.params.id });
  res.sendStatus(204);
});
