// The Prisma client of the app, as NestJS apps write it.
import { PrismaClient } from '@prisma/client';

export class PrismaService extends PrismaClient {}
