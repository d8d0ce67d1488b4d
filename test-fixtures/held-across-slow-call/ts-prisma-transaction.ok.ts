import { PrismaClient } from '@prisma/client';
import axios from 'axios';
import { Router } from 'express';

const prisma = new PrismaClient();
export const router = Router();

// The warehouse is called after the transaction committed; the batch form holds nothing in between.
router.post('/orders/:id/confirm', async (req, res) => {
  const order = await prisma.$transaction(async (tx) => {
    const updated = await tx.order.update({ where: { id: req.params.id }, data: { status: 'confirmed' } });
    await tx.auditLog.create({ data: { orderId: updated.id, action: 'confirm' } });
    return updated;
  });
  await axios.post('https://warehouse.internal/reservations', { orderId: order.id });
  await prisma.$transaction([prisma.order.count(), prisma.invoice.count()]);
  res.json(order);
});

export class InvoiceService {
  private readonly prisma = new PrismaClient();

  async issue(invoiceId: string): Promise<void> {
    const invoice = await this.prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    const pdf = await fetch(`https://pdf.internal/render/${invoice.id}`);
    await this.prisma.$transaction(async (tx) => {
      await tx.invoice.update({ where: { id: invoiceId }, data: { pdfUrl: pdf.url } });
    });
  }
}
