// iron-session in a Next.js route handler: the session is loaded, a slow call to Stripe's API
// runs, then the stale copy is changed and saved, dropping what other requests saved meanwhile.
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';

interface SessionData {
  customerId?: string;
  plan?: string;
}

const sessionOptions = { password: process.env.SESSION_PASSWORD!, cookieName: 'app' };

export async function POST(request: Request) {
  const session = await getIronSession<SessionData>(await cookies(), sessionOptions);
  const { priceId } = await request.json();
  const subscription = await fetch('https://api.stripe.com/v1/subscriptions', {
    method: 'POST',
    body: new URLSearchParams({ customer: session.customerId!, 'items[0][price]': priceId }),
  });
  session.plan = priceId; // expect: stale-write-after-await "^`session` is written \(`plan`\) after `fetch\(\)`"
  await session.save();
  return Response.json(await subscription.json());
}
