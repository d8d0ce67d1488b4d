// iron-session: the same route, correct: the session is loaded again after the slow call, and
// only then changed and saved.
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';

interface SessionData {
  customerId?: string;
  plan?: string;
}

const sessionOptions = { password: process.env.SESSION_PASSWORD!, cookieName: 'app' };

export async function POST(request: Request) {
  let session = await getIronSession<SessionData>(await cookies(), sessionOptions);
  const { priceId } = await request.json();
  const subscription = await fetch('https://api.stripe.com/v1/subscriptions', {
    method: 'POST',
    body: new URLSearchParams({ customer: session.customerId!, 'items[0][price]': priceId }),
  });
  session = await getIronSession<SessionData>(await cookies(), sessionOptions);
  session.plan = priceId;
  await session.save();
  return Response.json(await subscription.json());
}
