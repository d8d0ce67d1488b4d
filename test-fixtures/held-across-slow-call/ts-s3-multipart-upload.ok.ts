// The upload's parts are sent before the transaction that records the asset: nothing is held.
// An `Upload` made but not run inside it (`done()` called later) holds nothing either.
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PrismaClient } from '@prisma/client';
import type { Readable } from 'node:stream';

const prisma = new PrismaClient();
const s3 = new S3Client({ region: 'eu-west-1' });

export async function createAsset(name: string, body: Readable): Promise<void> {
  const upload = new Upload({ client: s3, params: { Bucket: 'assets', Key: name, Body: body } });
  await upload.done();
  await prisma.$transaction(async (tx) => {
    await tx.asset.create({ data: { name } });
  });
}

export async function prepareAsset(name: string, body: Readable): Promise<Upload> {
  let upload: Upload | undefined;
  await prisma.$transaction(async (tx) => {
    await tx.asset.create({ data: { name, state: 'pending' } });
    upload = new Upload({ client: s3, params: { Bucket: 'assets', Key: name, Body: body } });
  });
  return upload!;
}
