// A service that extends PrismaClient and wraps `$transaction`: the CRM call is made after the
// transaction committed, so nothing slow runs inside it.
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
  });
  await fetch('https://crm.example.com/contacts', { method: 'POST', body: JSON.stringify({ email }) });
}
