// The semaphore slot only guards the local work; the remote calls run after `release()`. The
// tuple itself (`const slot = …`) is not a release function: nothing is tracked through it.
import { Semaphore } from 'async-mutex';
import express from 'express';

const app = express();
const renderSlots = new Semaphore(4);

function resize(image: Buffer): Buffer {
  return image.subarray(0, 1024);
}

app.get('/thumbnails', async (req, res) => {
  const response = await fetch(`https://thumbnails.internal/render?url=${encodeURIComponent(String(req.query.url))}`);
  const original = Buffer.from(await response.arrayBuffer());
  const [, release] = await renderSlots.acquire();
  let image: Buffer;
  try {
    image = resize(original);
  } finally {
    release();
  }
  await fetch('https://audit.internal/thumbnails', { method: 'POST' });
  res.type('png').send(image);
});

export async function refreshAll(urls: string[]): Promise<void> {
  let value: number;
  let done: () => void;
  [value, done] = await renderSlots.acquire();
  done();
  await fetch(`https://thumbnails.internal/refresh?n=${value}&count=${urls.length}`);
}

export default app;
