// iron-session behind a helper of the same module: the slow call runs before the session is
// loaded, so the copy that is changed and saved is fresh. A value returned by another helper
// (not a session) is changed after a slow call too, which is not a session write.
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

async function loadPreferences(userId: string) {
  const response = await fetch(`https://prefs.internal/${userId}`);
  return (await response.json()) as { theme: string; updatedAt?: number };
}

export async function addFavourite(productId: string) {
  const product = await fetch(`https://catalog.internal/products/${productId}`).then((r) => r.json());
  if (!product.available) return { ok: false };
  const session = await loadSession();
  session.favourites.push(productId);
  await session.save();
  return { ok: true };
}

export async function touchPreferences(userId: string) {
  const preferences = await loadPreferences(userId);
  await fetch('https://audit.internal/events', { method: 'POST', body: userId });
  preferences.updatedAt = Date.now();
  return preferences;
}
