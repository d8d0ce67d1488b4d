import type { NodeRequestHandlers } from '../../../core/src';

/**
 * Node web frameworks, as data for the TypeScript/JavaScript lowering: how a route, a
 * middleware, a file-system route or a controller method is written, so that the unit that
 * handles a request is named in messages (a handler runs once per request: slow work in it
 * costs every request). The engine knows none of these names.
 */
export const nodeServers: NodeRequestHandlers = {
  // The first whose module the file imports names the framework.
  servers: [
    // `await next()` in a Koa middleware returns when everything registered after it is done.
    { name: 'koa', modules: ['koa', '@koa/router', 'koa-router'], nextParameter: 1 },
    { name: 'fastify', modules: ['fastify'] },
    // Express's `next()` returns before an async handler has finished (it does not return the
    // handler's promise): awaiting it holds nothing across the handler's slow work, unless the
    // middleware keeps what it holds until the response ends (`res.on('finish', () => client.release())`).
    {
      name: 'express',
      modules: ['express', 'express-session', 'express-openid-connect'],
      responseEnd: { responseParameter: 1, nextParameter: 2, listen: ['on', 'once'], events: ['finish', 'close'] },
    },
  ],
  defaultServer: 'express',
  routeMethods: ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head'],
  middlewareMethod: 'use',
  pathMethod: 'route',
  fileRoutes: [
    {
      name: 'Next.js',
      // App Router: `app/**/route.ts` exports `GET`, `POST`, …
      methodExports: { folder: 'app', stem: 'route', methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] },
      // Pages Router: `pages/api/**` exports the handler as default.
      defaultExport: { folders: ['pages', 'api'], label: 'API route' },
    },
  ],
  controllers: [{ name: 'NestJS', classDecorator: 'Controller', methodDecorators: ['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head'] }],
};
