// The route loads the session through the project's helper, fetches a saved basket from
// another service, then adds its items to the session's cart in a `forEach` callback: the
// copy loaded before the call is changed and saved.
import { getSession } from '../../../../lib/session';

export async function POST(request: Request) {
  const session = await getSession();
  const { basketId } = await request.json();
  const response = await fetch(`https://baskets.internal/saved/${basketId}`);
  const items: { sku: string; quantity: number }[] = await response.json();
  session.cart ??= []; // expect: stale-write-after-await "^`session` is written \(`cart`\) after `fetch\(\)` in this request handler \(Next\.js route handler"
  items.forEach((item) => {
    session.cart!.push(item);
  });
  await session.save();
  return Response.json({ count: session.cart.length });
}
