import { PrismaClient } from '@prisma/client';
import axios from 'axios';
import { Router } from 'express';

const prisma = new PrismaClient();
export const router = Router();

async function notifyWarehouse(orderId: string): Promise<void> {
  await axios.post('https://warehouse.internal/reservations', { orderId });
}

// The interactive transaction stays open while the warehouse is called.
router.post('/orders/:id/confirm', async (req, res) => {
  const order = await prisma.$transaction(async (tx) => {
    const updated = await tx.order.update({ where: { id: req.params.id }, data: { status: 'confirmed' } });
    await notifyWarehouse(updated.id); // expect: held-across-slow-call "^Prisma interactive transaction `tx` held across `notifyWarehouse\(\)`, which reaches `axios.post\(\)`.*: it keeps a database connection and its locks; Prisma aborts it after 5 s \(P2028\) and other requests wait for the connection\.$"
    return updated;
  });
  res.json(order);
});

export class InvoiceService {
  private readonly prisma = new PrismaClient();

  async issue(invoiceId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
      const pdf = await fetch(`https://pdf.internal/render/${invoice.id}`); // expect: held-across-slow-call "^Prisma interactive transaction `tx` held across `fetch\(\)`"
      await tx.invoice.update({ where: { id: invoiceId }, data: { pdfUrl: pdf.url } });
    });
  }
}
