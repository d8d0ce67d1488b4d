// A project class over the app's PrismaService: only the checker, following `extends` through
// project classes to `PrismaClient`, says that `this.$transaction(work)` opens a transaction.
import { Prisma } from '@prisma/client';
import { PrismaService } from './prisma.service';

export class DatabaseService extends PrismaService {
  async transactional<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.$transaction(work);
  }
}
