// The project's session options and its helper that loads the session in the app router.
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';

export interface SessionData {
  userId?: string;
  customerId?: string;
  plan?: string;
  lastSync?: number;
  cart?: { sku: string; quantity: number }[];
  recentlyViewed?: string[];
}

export const sessionOptions = {
  password: process.env.SECRET_COOKIE_PASSWORD as string,
  cookieName: 'shop-session',
  cookieOptions: { secure: process.env.NODE_ENV === 'production' },
};

export async function getSession() {
  return getIronSession<SessionData>(await cookies(), sessionOptions);
}
