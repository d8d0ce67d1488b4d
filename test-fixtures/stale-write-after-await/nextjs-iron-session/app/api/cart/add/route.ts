// The correct form: the slow stock check runs first, then the session is loaded through the
// project's helper and changed, in a `forEach` callback too.
import { getSession } from '../../../../lib/session';

export async function POST(request: Request) {
  const { items } = (await request.json()) as { items: { sku: string; quantity: number }[] };
  const stock = await fetch('https://inventory.internal/check', { method: 'POST', body: JSON.stringify(items) });
  if (!stock.ok) return new Response('out of stock', { status: 409 });
  const session = await getSession();
  const cart = session.cart ?? [];
  items.forEach((item) => {
    cart.push(item);
  });
  session.cart = cart;
  await session.save();
  return Response.json({ count: cart.length });
}
