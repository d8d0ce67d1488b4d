// iron-session behind a helper of the same module, which loads the session and fills in
// defaults before returning it; a server action awaits a slow call, then changes the copy.
'use server';
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';

interface SessionData {
  locale: string;
  favourites: string[];
}

const sessionOptions = { password: process.env.SESSION_PASSWORD!, cookieName: 'app' };

async function loadSession() {
  const session = await getIronSession<SessionData>(await cookies(), sessionOptions);
  session.favourites ??= [];
  return session;
}

export async function addFavourite(productId: string) {
  const session = await loadSession();
  const product = await fetch(`https://catalog.internal/products/${productId}`).then((r) => r.json());
  if (!product.available) return { ok: false };
  session.favourites.push(productId); // expect: stale-write-after-await "^`session` is written \(`favourites`\) after `fetch\(\)` without being re-read"
  await session.save();
  return { ok: true };
}
