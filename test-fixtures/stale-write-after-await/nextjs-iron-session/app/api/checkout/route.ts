// A Next.js route handler with iron-session: it loads the session, creates a Stripe checkout
// over HTTP, then writes and saves the copy it loaded before the call.
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { sessionOptions, type SessionData } from '../../../lib/session';

export async function POST(request: Request) {
  const session = await getIronSession<SessionData>(await cookies(), sessionOptions);
  if (!session.userId) return new Response('unauthorized', { status: 401 });
  const { priceId } = await request.json();
  const checkout = await fetch('https://api.stripe.com/v1/checkout/sessions', {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.STRIPE_KEY}` },
    body: new URLSearchParams({ customer: session.customerId ?? '', 'line_items[0][price]': priceId }),
  });
  const body = await checkout.json();
  session.plan = priceId; // expect: stale-write-after-await
  await session.save();
  return Response.json({ url: body.url });
}
