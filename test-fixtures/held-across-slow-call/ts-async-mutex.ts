import { Mutex } from 'async-mutex';
import express from 'express';

const app = express();
const tokenLock = new Mutex();
let cachedToken: string | undefined;

// Every request needing a token waits while one of them refreshes it over the network.
async function getToken(): Promise<string> {
  return tokenLock.runExclusive(async () => {
    if (cachedToken) return cachedToken;
    const response = await fetch('https://auth.internal/oauth/token', { method: 'POST' }); // expect: held-across-slow-call "^Mutex `tokenLock` held across `fetch\(\)`.*: every other request that needs it waits until it is released\.$"
    cachedToken = (await response.json()).access_token as string;
    return cachedToken;
  });
}

// acquire() returns the release function; the export job holds the mutex while uploading.
app.post('/exports', async (_req, res) => {
  const release = await tokenLock.acquire();
  try {
    await fetch('https://storage.internal/exports', { method: 'PUT' }); // expect: held-across-slow-call "^Mutex `tokenLock` held across `fetch\(\)`"
  } finally {
    release();
  }
  res.json({ token: await getToken() });
});

export default app;
