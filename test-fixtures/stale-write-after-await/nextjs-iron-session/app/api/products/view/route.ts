// The session is loaded through the project's helper; after a slow recommendation call, the
// viewed product is added inside a `map` callback, which runs before the call returns.
import { getSession } from '../../../../lib/session';

export async function POST(request: Request) {
  const session = await getSession();
  const { productIds } = (await request.json()) as { productIds: string[] };
  const recommendations = await fetch('https://recommend.internal/batch', { method: 'POST', body: JSON.stringify(productIds) }).then((r) => r.json());
  const viewed = productIds.map((id) => {
    session.recentlyViewed?.unshift(id); // expect: stale-write-after-await "^`session` is written \(`recentlyViewed`\) after `fetch\(\)`"
    return id;
  });
  await session.save();
  return Response.json({ viewed, recommendations });
}
