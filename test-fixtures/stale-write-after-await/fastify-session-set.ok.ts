// @fastify/session: the quota is stored before the slow call (the write travels with the
// session saved at the end), and the refreshed value only goes into the reply.
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';

const fastify = Fastify();
fastify.register(fastifyCookie);
fastify.register(fastifySession, { secret: process.env.SESSION_SECRET! });

fastify.post('/quota/refresh', async (request, reply) => {
  const accountId = request.session.get('accountId');
  request.session.set('quotaRefreshRequestedAt', Date.now());
  const quota = await fetch(`https://billing.internal/accounts/${accountId}/quota`).then((r) => r.json());
  return reply.send(quota);
});

export default fastify;
