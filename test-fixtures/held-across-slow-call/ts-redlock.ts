import Redis from 'ioredis';
import Redlock from 'redlock';
import { setTimeout as sleep } from 'node:timers/promises';

const redlock = new Redlock([new Redis(process.env.REDIS_URL!)]);

// Every server's checkout for this cart waits while the payment provider is called.
export async function checkout(cartId: string): Promise<void> {
  await redlock.using([`cart:${cartId}`], 10_000, async (signal) => {
    if (signal.aborted) throw signal.error;
    await fetch('https://payments.example.com/charge', { method: 'POST', body: cartId }); // expect: held-across-slow-call "^Distributed lock `redlock` held across `fetch\(\)`.*: every other request \(on every server\)"
  });
}

export async function rebuildIndex(): Promise<void> {
  const lock = await redlock.acquire(['search-index'], 60_000);
  try {
    while (await pendingChanges()) { // expect: held-across-slow-call "^Distributed lock `lock` held across a loop that runs `sleep\(\)` on every iteration"
      await sleep(1000);
    }
  } finally {
    await lock.release();
  }
}

async function pendingChanges(): Promise<boolean> {
  return false;
}
