// `@aws-sdk/lib-storage`'s `Upload`: `done()` sends the file's parts to S3 through the client
// its options give, inside the transaction (vendure's S3 asset storage, `createAssets`).
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PrismaClient } from '@prisma/client';
import type { Readable } from 'node:stream';

const prisma = new PrismaClient();
const s3 = new S3Client({ region: 'eu-west-1' });

export async function createAsset(name: string, body: Readable): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.asset.create({ data: { name } });
    const upload = new Upload({ client: s3, params: { Bucket: 'assets', Key: name, Body: body } });
    await upload.done(); // expect: held-across-slow-call "held across `upload.done\(\)`"
  });
}
