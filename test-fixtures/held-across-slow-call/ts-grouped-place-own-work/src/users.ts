// Two operations reach one helper's download inside a transaction: one finding at the download,
// for both. The second also sends an e-mail through the configured mailer while it holds its
// transaction (`info`: only with the API mailer, so the download stays its main finding): the
// one finding names that e-mail for it (payload's reset e-mail in `forgotPassword`, grouped
// with the upload every operation reaches).
import { PrismaClient } from '@prisma/client';
import type { Mailer } from './mailer';

const prisma = new PrismaClient();

async function fetchAvatar(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url); // expect: held-across-slow-call "also while `tx` is held: `mailer.send\(\)`"
  return res.arrayBuffer();
}

export async function createUser(email: string, avatarUrl: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const avatar = await fetchAvatar(avatarUrl);
    await tx.user.create({ data: { email, avatar: Buffer.from(avatar) } });
  });
}

export async function inviteUser(mailer: Mailer, email: string, avatarUrl: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const avatar = await fetchAvatar(avatarUrl);
    await tx.user.create({ data: { email, avatar: Buffer.from(avatar) } });
    await mailer.send(email, 'Welcome');
  });
}
