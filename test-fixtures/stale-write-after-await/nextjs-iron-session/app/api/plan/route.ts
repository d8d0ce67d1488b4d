// The correct form: the session is changed and saved before the slow call, which only reads it.
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { sessionOptions, type SessionData } from '../../../lib/session';

export async function PUT(request: Request) {
  const session = await getIronSession<SessionData>(await cookies(), sessionOptions);
  const { plan } = await request.json();
  session.plan = plan;
  await session.save();
  const receipt = await fetch(`https://billing.internal/customers/${session.customerId}/plan`, { method: 'PUT', body: plan });
  return Response.json(await receipt.json());
}
