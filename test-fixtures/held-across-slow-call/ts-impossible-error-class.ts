// `catch` branches for an error class that the `try` can throw are kept: the alert sent in the
// branch is held across the transaction (on an error path: info). In /orders the `try` writes
// through Prisma's transaction client (in a function of this file); in /imports it calls a function of this file that
// validates with zod, another package (which could throw anything, Prisma's errors among them,
// as far as the analysis knows). The Stripe branch around a `try` that calls Stripe is kept too.
import { Prisma, PrismaClient } from '@prisma/client';
import Stripe from 'stripe';
import { z } from 'zod';
import express from 'express';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_KEY ?? '');
const app = express();
const orderInput = z.object({ sku: z.string() });

function parseOrder(body: unknown): { sku: string } {
  return orderInput.parse(body);
}

async function createOrder(tx: Prisma.TransactionClient, sku: string): Promise<void> {
  await tx.order.create({ data: { sku } });
}

app.post('/orders', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    try {
      await createOrder(tx, String(req.body.sku));
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError) {
        await fetch('https://alerts.example/duplicate-order', { method: 'POST' }); // expect: held-across-slow-call@info "only on an error path"
      }
      throw e;
    }
  });
  res.sendStatus(201);
});

app.post('/imports', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    let sku: string;
    try {
      sku = parseOrder(req.body).sku;
    } catch (e) {
      if (e instanceof Prisma.PrismaClientValidationError) {
        await fetch('https://alerts.example/import-failed', { method: 'POST' }); // expect: held-across-slow-call@info "only on an error path"
      }
      throw e;
    }
    await tx.order.create({ data: { sku } });
  });
  res.sendStatus(204);
});

app.post('/refunds', async (req, res) => {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: String(req.body.id) }, data: { state: 'refunding' } });
    try {
      await stripe.refunds.create({ charge: String(req.body.charge) }); // expect: held-across-slow-call
    } catch (e) {
      if (!(e instanceof Stripe.errors.StripeError)) throw e;
      await fetch('https://alerts.example/refund-failed', { method: 'POST' });
    }
  });
  res.sendStatus(204);
});
