// async-mutex `Semaphore.acquire()` resolves to `[value, release]`: the slot is held until
// `release()` runs, here across a call to another service.
import { Semaphore } from 'async-mutex';
import express from 'express';

const app = express();
const renderSlots = new Semaphore(4);

async function renderThumbnail(url: string): Promise<Buffer> {
  const response = await fetch(`https://thumbnails.internal/render?url=${encodeURIComponent(url)}`);
  return Buffer.from(await response.arrayBuffer());
}

app.get('/thumbnails', async (req, res) => {
  const [, release] = await renderSlots.acquire();
  try {
    const image = await renderThumbnail(String(req.query.url)); // expect: held-across-slow-call "^Semaphore slot `renderSlots` held across `renderThumbnail\(\)`, which reaches `fetch\(\)`.*: once every slot is taken"
    res.type('png').send(image);
  } finally {
    release();
  }
});

export async function refreshAll(urls: string[]): Promise<void> {
  let value: number;
  let done: () => void;
  [value, done] = await renderSlots.acquire();
  await fetch(`https://thumbnails.internal/refresh?n=${value}&count=${urls.length}`); // expect: held-across-slow-call "^Semaphore slot `renderSlots` held across `fetch\(\)`"
  done();
}

export default app;
