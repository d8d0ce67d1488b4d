// A Next.js API route (pages router) with iron-session on `req`/`res`: a slow profile sync,
// then a stale write and save.
import type { NextApiRequest, NextApiResponse } from 'next';
import { getIronSession } from 'iron-session';
import { setTimeout as sleep } from 'timers/promises';
import { sessionOptions, type SessionData } from '../../lib/session';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getIronSession<SessionData>(req, res, sessionOptions);
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(`https://profiles.internal/${session.userId}`);
    if (response.ok) break;
    await sleep(500);
  }
  session.lastSync = Date.now(); // expect: stale-write-after-await
  await session.save();
  res.status(204).end();
}
