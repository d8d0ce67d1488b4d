// @fastify/session: a fastify route reads the session through `get`, calls a slow service
// and stores the result with `set` on the stale copy.
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';

const fastify = Fastify();
fastify.register(fastifyCookie);
fastify.register(fastifySession, { secret: process.env.SESSION_SECRET! });

fastify.post('/quota/refresh', async (request, reply) => {
  const accountId = request.session.get('accountId');
  const quota = await fetch(`https://billing.internal/accounts/${accountId}/quota`).then((r) => r.json());
  await new Promise<void>((resolve, reject) => request.session.reload((error) => (error ? reject(error) : resolve())));
  request.session.set('quota', quota); // expect: stale-write-after-await "^`request\.session` is written \(`quota`\) after `fetch\(\)` in this request handler \(fastify route handler for POST /quota/refresh\)"
  return reply.send(quota);
});

export default fastify;
