import type { NodeCatalog, NodeSlowExport } from '../../../core/src';

/**
 * Node.js: held resources and slow operations for the TypeScript/JavaScript lowering.
 * Data only; the engine reads it. Module names are without the `node:` prefix.
 */
const HTTP_METHODS = ['request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];

const process = (whenAwaited: boolean): NodeSlowExport => ({ kind: 'process', callable: true, ...(whenAwaited ? { whenAwaited } : {}) });

export const nodeCatalog: NodeCatalog = {
  heldResources: [
    {
      kind: 'pg-client',
      module: 'pg',
      className: 'Pool',
      acquire: ['connect'],
      release: ['release'],
      noun: 'Pooled client',
      consequence: 'the pool has a fixed number of clients; every request waiting for one stalls until it is released.',
    },
  ],
  modules: {
    axios: { default: { kind: 'http', callable: true, methods: HTTP_METHODS } },
    'timers/promises': { setTimeout: { kind: 'sleep', callable: true, whenAwaited: true } },
    child_process: {
      // The callback forms run the process in the background: slow here once awaited (promisified).
      exec: process(true),
      execFile: process(true),
      spawn: process(true),
      fork: process(true),
      execSync: process(false),
      execFileSync: process(false),
      spawnSync: process(false),
    },
  },
  globals: { fetch: { kind: 'http', callable: true } },
  timers: ['setTimeout'],
  promisifiers: { util: ['promisify'] },
};
