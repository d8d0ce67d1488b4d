// A service that extends PrismaClient and wraps `$transaction`, passing the caller's callback
// through: the callback runs inside the interactive transaction, so the CRM call in it is held.
import { PrismaClient, Prisma } from '@prisma/client';

export class PrismaService extends PrismaClient {
  async inTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.$transaction(work);
  }
}

const prisma = new PrismaService();

export async function signUp(email: string): Promise<void> {
  await prisma.inTransaction(async (tx) => {
    await tx.user.create({ data: { email } });
    await fetch('https://crm.example.com/contacts', { method: 'POST', body: JSON.stringify({ email }) }); // expect: held-across-slow-call "^Prisma interactive transaction `this.\$transaction\(\)` held across `fetch\(\)` in the callback that `prisma.inTransaction\(\)` runs"
  });
}
