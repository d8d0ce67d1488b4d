// A `catch` branch for an error class the `try` cannot throw: the block calls a function of
// this file that runs only the runtime's own code (`JSON.parse()`, `node:crypto`), which
// throws none of Prisma's errors, so the branch for Prisma's request error (and the alert
// sent in it, inside the transaction) is not a path the request takes. Negated,
// `if (!(e instanceof …)) throw e` leaves nothing after it either.
import { randomUUID } from 'node:crypto';
import { Prisma, PrismaClient } from '@prisma/client';
import express from 'express';

const prisma = new PrismaClient();
const app = express();

function parseOrder(text: string): { id: string; sku: string } {
  const body = JSON.parse(text) as { sku?: unknown };
  if (typeof body.sku !== 'string') throw new TypeError('sku missing');
  return { id: randomUUID(), sku: body.sku };
}

app.post('/orders', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    let order: { id: string; sku: string };
    try {
      order = parseOrder(String(req.body));
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError) {
        await fetch('https://alerts.example/duplicate-order', { method: 'POST' });
      }
      throw e;
    }
    await tx.order.create({ data: order });
  });
  res.sendStatus(201);
});

app.post('/imports', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    try {
      parseOrder(String(req.body));
    } catch (e) {
      if (!(e instanceof Prisma.PrismaClientValidationError)) throw e;
      await fetch('https://alerts.example/import-failed', { method: 'POST' });
    }
    await tx.order.deleteMany({});
  });
  res.sendStatus(204);
});
