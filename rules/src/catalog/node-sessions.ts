import type { NodeSessionObjects } from '../../../core/src';

/**
 * Session middleware for Node, as data: where a request carries a session object that its
 * store saves as a whole at the end of the request (express-session and cookie-session
 * `req.session`, koa-session `ctx.session`, `@fastify/session` `request.session`,
 * express-openid-connect `req.appSession`, NestJS `@Session()`, iron-session `await
 * getIronSession(…)`), and what its methods do to the copy the request holds.
 */
export const nodeSessionObjects: NodeSessionObjects = {
  requestProperties: ['session', 'appSession'],
  requestTypes: ['Request', 'FastifyRequest', 'Context', 'ParameterizedContext', 'RouterContext', 'KoaContext', 'ExpressRequest'],
  // `req.session` on a parameter named like a request, in a file that imports one of these.
  requestNames: ['req', 'request', 'ctx', 'context'],
  modules: ['express-session', 'cookie-session', 'koa-session', '@fastify/session', 'fastify-session', 'express-openid-connect', 'express', 'koa', 'fastify'],
  parameterDecorators: ['Session'],
  loaders: [{ modules: ['iron-session', 'iron-session/edge'], name: 'getIronSession' }],
  reloadMethods: ['reload', 'regenerate'],
  // koa-session's `manuallyCommit()` writes the whole copy to the store at once, as `save()` does.
  saveMethods: ['save', 'manuallyCommit'],
  setMethods: ['set'],
  getMethods: ['get'],
  inertMethods: ['destroy', 'touch', 'resetMaxAge'],
  // connect-flash keeps the messages in `req.session.flash`.
  flash: { method: 'flash', key: 'flash' },
};
