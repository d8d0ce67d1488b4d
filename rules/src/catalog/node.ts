import type { NodeCatalog, NodeSlowExport } from '../../../core/src';
import { nodeServers } from '../frameworks/node-servers';
import { nodeSessionObjects } from './node-sessions';
import { nodePassport } from './node-passport';

/**
 * Node.js: held resources and slow operations for the TypeScript/JavaScript lowering.
 * Data only; the engine reads it. Module names are without the `node:` prefix.
 */
const HTTP_METHODS = ['request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];

const process = (whenAwaited: boolean): NodeSlowExport => ({ kind: 'process', callable: true, ...(whenAwaited ? { whenAwaited } : {}) });

const remoteIo = (whenAwaited: boolean): NodeSlowExport => ({ kind: 'remote-io', callable: true, ...(whenAwaited ? { whenAwaited } : {}) });
const DNS_QUERIES = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse'];

/** What an open database transaction costs everyone else. */
const TRANSACTION = 'it keeps a database connection and its locks;';
const MONGO_TRANSACTION =
  'it keeps the documents it writes locked; other writes to them wait or fail with a write conflict, and the server aborts it after 60 s.';

export const nodeCatalog: NodeCatalog = {
  heldResources: [
    {
      kind: 'pg-client',
      module: 'pg',
      className: 'Pool',
      acquire: ['connect'],
      release: ['release'],
      pooled: true,
      // `pool.query()` checks out a client of its own for the query.
      queries: { methods: ['query'] },
      noun: 'Pooled client',
      consequence: 'the pool has a fixed number of clients; every request waiting for one stalls until it is released.',
    },
    {
      kind: 'mysql2-connection',
      module: 'mysql2/promise',
      modules: ['mysql2'],
      className: 'createPool',
      made: 'call',
      acquire: ['getConnection'],
      release: ['release'],
      pooled: true,
      queries: { methods: ['query', 'execute'] },
      noun: 'Pooled connection',
      consequence: 'the pool has a fixed number of connections; every request waiting for one stalls until it is released.',
    },
    {
      kind: 'prisma-transaction',
      module: '@prisma/client',
      className: 'PrismaClient',
      acquire: [],
      release: [],
      scopes: [{ method: '$transaction' }],
      // `prisma.user.findMany()` on the client, not on `tx`: another connection.
      queries: { methods: ['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe'], resourceMethods: true },
      noun: 'Prisma interactive transaction',
      consequence: `${TRANSACTION} Prisma aborts it after 5 s (P2028) and other requests wait for the connection.`,
    },
    // `knex(config)` (default or named export); `Knex` is the type a constructor parameter is
    // declared with (`@inject(TYPES.Db) db: Knex`).
    ...['default', 'knex', 'Knex'].map((className) => ({
      kind: 'knex-transaction',
      module: 'knex',
      className,
      made: 'call' as const,
      acquire: ['transaction'],
      release: ['commit', 'rollback'],
      scopes: [{ method: 'transaction' }],
      // `db('users')`, `db.raw()` on the base knex, not on `trx`: another connection.
      queries: { methods: ['raw', 'select', 'insert', 'update', 'del', 'delete', 'from', 'table'], callable: true },
      noun: 'knex transaction',
      consequence: `${TRANSACTION} other requests wait for the connection and for the rows it locked.`,
    })),
    {
      kind: 'drizzle-transaction',
      module: 'drizzle-orm/node-postgres',
      modules: ['drizzle-orm/postgres-js', 'drizzle-orm/mysql2', 'drizzle-orm/neon-serverless', 'drizzle-orm/vercel-postgres', 'drizzle-orm/pglite'],
      className: 'drizzle',
      made: 'call',
      acquire: [],
      release: [],
      scopes: [{ method: 'transaction' }],
      queries: { methods: ['select', 'insert', 'update', 'delete', 'execute'] },
      noun: 'drizzle transaction',
      consequence: `${TRANSACTION} other requests wait for the connection and for the rows it locked.`,
    },
    {
      kind: 'sequelize-transaction',
      module: 'sequelize',
      modules: ['sequelize-typescript'],
      className: 'Sequelize',
      acquire: ['transaction'],
      release: ['commit', 'rollback'],
      scopes: [{ method: 'transaction' }],
      queries: { methods: ['query'] },
      noun: 'Sequelize transaction',
      consequence: `${TRANSACTION} other requests wait for the connection and for the rows it locked.`,
    },
    {
      kind: 'typeorm-query-runner',
      module: 'typeorm',
      className: 'DataSource',
      acquire: ['createQueryRunner'],
      release: ['release'],
      queries: { methods: ['query'] },
      scopes: [{ method: 'transaction', noun: 'TypeORM transaction', consequence: `${TRANSACTION} other requests wait for the connection and for the rows it locked.` }],
      noun: 'TypeORM query runner',
      consequence: 'it keeps a connection checked out of the pool (with its transaction and locks, if one is open); other requests wait for a connection.',
    },
    {
      kind: 'mongodb-session',
      module: 'mongodb',
      className: 'MongoClient',
      acquire: ['startSession'],
      release: ['endSession'],
      scopes: [{ method: 'withSession' }],
      heldScopes: [{ method: 'withTransaction', name: 'receiver', noun: 'MongoDB transaction', consequence: MONGO_TRANSACTION }],
      noun: 'MongoDB session',
      consequence: 'its transactions keep their write locks until the session ends them; other writes to the same documents wait or fail with a write conflict.',
    },
    {
      kind: 'neo4j-session',
      module: 'neo4j-driver',
      className: 'driver',
      made: 'call',
      acquire: ['session'],
      release: ['close'],
      heldScopes: ['executeWrite', 'executeRead', 'writeTransaction', 'readTransaction'].map((method) => ({
        method,
        noun: 'neo4j transaction',
        consequence: `${TRANSACTION} other requests wait for a connection from the driver's pool.`,
      })),
      noun: 'neo4j session',
      consequence: "it keeps a connection from the driver's pool; once the pool is used up, every other request waits for one.",
    },
    {
      kind: 'async-mutex',
      lock: true,
      module: 'async-mutex',
      className: 'Mutex',
      acquire: ['acquire'],
      release: [],
      releaseFunction: true,
      scopes: [{ method: 'runExclusive', name: 'receiver' }],
      noun: 'Mutex',
      consequence: 'every other request that needs it waits until it is released.',
    },
    {
      kind: 'async-semaphore',
      lock: true,
      module: 'async-mutex',
      className: 'Semaphore',
      // `const [value, release] = await semaphore.acquire()`.
      acquire: ['acquire'],
      release: [],
      releaseFunction: true,
      releaseIndex: 1,
      scopes: [{ method: 'runExclusive', name: 'receiver' }],
      noun: 'Semaphore slot',
      consequence: 'once every slot is taken, every other request that needs one waits until it is released.',
    },
    {
      kind: 'redlock',
      lock: true,
      module: 'redlock',
      className: 'default',
      acquire: ['acquire'],
      release: ['release'],
      scopes: [{ method: 'using', name: 'receiver' }],
      noun: 'Distributed lock',
      consequence: 'every other request (on every server) that needs the same resources waits or fails until it is released or expires.',
    },
    // A lock written as a Redis key: `SET key token NX` takes it when the key was free,
    // `DEL key` (or a compare-and-delete script given the key) releases it, else it expires.
    ...[
      // `Redis.fromEnv()` reads the REST URL and token from the environment.
      { module: '@upstash/redis', className: 'Redis', factories: ['fromEnv'] },
      { module: 'ioredis', className: 'default' },
      { module: 'ioredis', className: 'Redis' },
      { module: 'redis', modules: ['@redis/client'], className: 'createClient', made: 'call' as const },
    ].map((client) => ({
      kind: 'redis-lock',
      lock: true,
      ...client,
      acquire: [],
      release: [],
      keyedLock: {
        conditional: ['set', 'SET'],
        // @upstash/redis `{ nx: true }`, node-redis `{ NX: true }`, ioredis `'NX'`.
        options: ['nx', 'NX'],
        flags: ['NX', 'nx'],
        always: ['setnx', 'setNX'],
        keyArgument: 0,
        release: ['del', 'DEL', 'unlink', 'UNLINK', 'eval', 'evalsha', 'EVAL', 'EVALSHA'],
      },
      noun: 'Redis lock',
      consequence: 'taking it does not wait, so every other request (on every server) that tries to take the same key meanwhile is turned away or retries, until it is released or expires.',
    })),
    {
      kind: 'file-lock',
      lock: true,
      module: 'proper-lockfile',
      className: '',
      made: 'module',
      acquire: ['lock'],
      release: [],
      releaseFunction: true,
      noun: 'File lock',
      consequence: 'every other request (and process) that locks the same file waits or fails until it is released.',
    },
    {
      // `const pgp = require('pg-promise')(); const db = pgp(cn)`: `db.tx(cb)` runs the callback
      // inside BEGIN/COMMIT on a pooled connection, `db.task(cb)` with the connection checked out.
      kind: 'pg-promise-connection',
      module: 'pg-promise',
      className: 'default',
      made: 'initialized',
      acquire: ['connect'],
      release: ['done'],
      scopes: [
        ...['tx', 'txIf'].map((method) => ({ method, noun: 'pg-promise transaction', consequence: `${TRANSACTION} other requests wait for the connection and for the rows it locked.` })),
        ...['task', 'taskIf'].map((method) => ({ method })),
      ],
      // `db.one()` next to `t`: another connection.
      queries: { methods: ['none', 'one', 'any', 'many', 'oneOrNone', 'manyOrNone', 'result', 'query', 'multi', 'multiResult', 'func', 'proc', 'map', 'each'] },
      noun: 'pg-promise connection',
      consequence: 'the pool has a fixed number of connections; every request waiting for one stalls until it is released.',
    },
    {
      // nestjs-cls: `txHost.withTransaction(async () => …)` runs the callback in a transaction that
      // `txHost.tx` reaches through async-local storage (every adapter: Prisma, TypeORM, Knex,
      // Kysely, Drizzle), so the callback has no parameter for it: named after the receiver.
      kind: 'cls-transaction',
      module: '@nestjs-cls/transactional',
      className: 'TransactionHost',
      acquire: [],
      release: [],
      scopes: [{ method: 'withTransaction', name: 'receiver' }],
      noun: 'Transaction',
      consequence: `${TRANSACTION} other requests wait for the connection and for the rows it locked.`,
    },
    {
      // `bookshelf(knex)`: `bookshelf.transaction(cb)` is `knex.transaction(cb)`.
      kind: 'knex-transaction',
      module: 'bookshelf',
      className: 'default',
      made: 'call',
      acquire: [],
      release: [],
      scopes: [{ method: 'transaction' }],
      noun: 'Bookshelf (knex) transaction',
      consequence: `${TRANSACTION} other requests wait for the connection and for the rows it locked.`,
    },
    {
      // `import { transaction } from 'objection'`: `transaction(knex, cb)`, `objection.transaction(…)`.
      kind: 'knex-transaction',
      module: 'objection',
      className: '',
      made: 'module',
      acquire: [],
      release: [],
      scopes: [{ method: 'transaction' }],
      noun: 'Objection (knex) transaction',
      consequence: `${TRANSACTION} other requests wait for the connection and for the rows it locked.`,
    },
  ],
  transactionStatements: [
    {
      kind: 'sql-transaction',
      methods: ['query', 'execute', 'exec', 'raw'],
      begin: ['BEGIN', 'START TRANSACTION'],
      end: ['COMMIT', 'ROLLBACK', 'END'],
      notEnd: ['ROLLBACK TO', 'COMMIT PREPARED', 'ROLLBACK PREPARED'],
      // mysql2 `connection.beginTransaction()`, TypeORM `queryRunner.startTransaction()`.
      beginMethods: ['beginTransaction', 'startTransaction'],
      endMethods: ['commit', 'rollback', 'commitTransaction', 'rollbackTransaction', 'abortTransaction'],
      noun: 'Transaction',
      consequence: 'it keeps the rows it wrote or locked locked until it ends, and its connection busy; other requests wait for those rows and for a connection.',
    },
  ],
  awaitedEvents: [{ modules: ['events'], name: 'once', events: { response: 'http' } }],
  // `await this.events.emitAsync('order.paid', order)` waits for every `@OnEvent('order.paid')` listener.
  // `passport.authenticate('google', (err, user) => …)(req, res, next)`: the strategy registered as `google`.
  passport: nodePassport,
  eventEmitters: [
    {
      modules: ['@nestjs/event-emitter', 'eventemitter2'],
      className: 'EventEmitter2',
      awaiting: ['emitAsync'],
      listener: { modules: ['@nestjs/event-emitter'], name: 'OnEvent' },
    },
  ],

  // `@UseInterceptors(TransactionInterceptor)` (or a project decorator composing it): the
  // interceptor's `intercept(context, next)` runs the method where it calls `next.handle()`.
  interceptors: [{ modules: ['@nestjs/common'], use: 'UseInterceptors', compose: ['applyDecorators'], method: 'intercept', next: 1, handle: 'handle' }],

  heldDecorators: [
    {
      kind: 'transactional',
      modules: ['@nestjs-cls/transactional', 'typeorm-transactional'],
      name: 'Transactional',
      noun: 'Transaction',
      consequence: 'it stays open for the whole method and keeps a database connection and its locks; other requests wait for the connection and for the rows it locked.',
    },
    {
      // Medusa's modules: the method runs inside `baseRepository.transaction()` (or joins the
      // transaction its shared context already carries).
      kind: 'transactional',
      modules: ['@medusajs/framework/utils', '@medusajs/utils'],
      name: 'InjectTransactionManager',
      noun: 'Transaction',
      consequence: 'it stays open for the whole method and keeps a database connection and its locks; other requests wait for the connection and for the rows it locked.',
    },
  ],
  modules: {
    axios: { default: { kind: 'http', callable: true, methods: HTTP_METHODS } },
    got: { default: { kind: 'http', callable: true, methods: ['get', 'post', 'put', 'patch', 'delete', 'head', 'stream', 'paginate'] } },
    undici: { request: { kind: 'http', callable: true }, fetch: { kind: 'http', callable: true }, stream: { kind: 'http', callable: true } },
    // `http.get(url, cb)` starts a request in the background: slow once awaited (or piped).
    http: { request: { kind: 'http', callable: true, whenAwaited: true }, get: { kind: 'http', callable: true, whenAwaited: true } },
    https: { request: { kind: 'http', callable: true, whenAwaited: true }, get: { kind: 'http', callable: true, whenAwaited: true } },
    'stream/promises': { pipeline: { kind: 'file-io', callable: true, whenAwaited: true } },
    fs: { createReadStream: { kind: 'file-io', callable: true, whenAwaited: true } },
    'timers/promises': { setTimeout: { kind: 'sleep', callable: true, whenAwaited: true } },
    // OpenID Connect relying party: discovery, the code-for-token exchange, refreshes and the
    // userinfo call are round trips to the identity provider (v6 functions; v5 `Issuer.discover`).
    'openid-client': {
      Issuer: { kind: 'http', methods: ['discover', 'webfinger'] },
      ...Object.fromEntries(
        [
          'discovery',
          'authorizationCodeGrant',
          'refreshTokenGrant',
          'clientCredentialsGrant',
          'genericGrantRequest',
          'fetchUserInfo',
          'fetchProtectedResource',
          'tokenIntrospection',
          'tokenRevocation',
          'initiateDeviceAuthorization',
          'pollDeviceAuthorizationGrant',
          'initiateBackchannelAuthentication',
          'pollBackchannelAuthenticationGrant',
          'buildAuthorizationUrlWithPAR',
          'dynamicClientRegistration',
        ].map((name) => [name, { kind: 'http' as const, callable: true }]),
      ),
    },
    // Raw connections: `net.connect()` returns the socket at once, so it is slow once awaited
    // (a promise around its `connect` event); DNS queries wait for a name server.
    net: { connect: remoteIo(true), createConnection: remoteIo(true) },
    tls: { connect: remoteIo(true) },
    dns: Object.fromEntries(DNS_QUERIES.map((name) => [name, remoteIo(true)])),
    'dns/promises': Object.fromEntries(DNS_QUERIES.map((name) => [name, remoteIo(true)])),
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
  slowClients: [
    { kind: 'http', modules: ['@aws-sdk/client-*'], className: '*Client', methods: ['send'] },
    // lib-storage's multipart upload: `done()` sends the parts through the v3 client its options
    // give (`new Upload({ client, params }).done()`), a middleware stack no summary can follow.
    { kind: 'http', modules: ['@aws-sdk/lib-storage'], className: 'Upload', methods: ['done'] },
    { kind: 'http', modules: ['stripe'], className: 'default', resourceMethods: true },
    { kind: 'http', modules: ['stripe'], className: 'Stripe', resourceMethods: true },
    // `const transport = nodemailer.createTransport(…)`: `sendMail()` talks SMTP (or an API).
    { kind: 'mail', modules: ['nodemailer'], className: 'createTransport', made: 'call', methods: ['sendMail'] },
    // openid-client v5: a client typed `Client`/`BaseClient` (`new issuer.Client(…)` is not typed).
    ...['Client', 'BaseClient'].map((className) => ({
      kind: 'http' as const,
      modules: ['openid-client'],
      className,
      methods: ['callback', 'oauthCallback', 'grant', 'refresh', 'userinfo', 'introspect', 'revoke', 'requestResource', 'deviceAuthorization', 'pushedAuthorizationRequest'],
    })),
    // OAuth clients: the code-for-token exchange, refreshes, revocations and token checks are
    // round trips to the identity provider (google-auth-library; simple-oauth2's grant classes;
    // arctic's provider classes, one per identity provider). Building the authorisation URL is not.
    { kind: 'http', modules: ['google-auth-library'], className: 'OAuth2Client', methods: ['getToken', 'refreshAccessToken', 'getAccessToken', 'revokeToken', 'getTokenInfo', 'request'] },
    { kind: 'http', modules: ['simple-oauth2'], className: '*', methods: ['getToken'] },
    { kind: 'http', modules: ['arctic'], className: '*', methods: ['validateAuthorizationCode', 'refreshAccessToken', 'revokeToken'] },
    // Async-local storage runs the callback it is given at once and returns its result: a
    // transaction helper that keeps its client there (`storage.run(client, work)`) runs `work`
    // with the client held, as `work(client)` would.
    { modules: ['async_hooks'], className: 'AsyncLocalStorage', runs: { run: 1, exit: 0 } },
    { modules: ['async_hooks'], className: 'AsyncResource', runs: { runInAsyncScope: 0 } },
    // nestjs-cls: `cls.run(cb)`, `cls.run(options, cb)`, `cls.runWith(store, cb)`, `cls.exit(cb)`.
    { modules: ['nestjs-cls'], className: 'ClsService', runs: { run: -1, runWith: 1, exit: 0 } },
  ],
  globals: { fetch: { kind: 'http', callable: true } },
  timers: ['setTimeout'],
  promisifiers: { util: ['promisify'] },
  // Receivers that cannot be typed (compiled JavaScript, injected handles, ORM models):
  // `this.knex.transaction(async (trx) => …)`, MikroORM's `em.transactional(cb)`, Objection's
  // `Model.transaction(cb)`, Bookshelf models; `const trx = await x.transaction()` when the
  // unit ends it with `trx.commit()` or `trx.rollback()`.
  structuralTransactions: {
    kind: 'db-transaction',
    scopes: ['transaction', 'transactional', '$transaction'],
    acquires: ['transaction'],
    releases: ['commit', 'rollback'],
    // State libraries whose `transaction(fn)` batches updates in memory; browser stores; the
    // Firebase Realtime Database, whose `ref.transaction(update)` is an optimistic retry, no lock.
    notModules: ['mobx', 'mobx-state-tree', 'mobx-keystone', 'tinybase', 'tinybase/*', 'dexie', 'idb', 'yjs', 'firebase', 'firebase/*', 'firebase-admin', 'firebase-admin/*'],
    // IndexedDB and Dexie transaction modes.
    notModes: ['readonly', 'readwrite', 'versionchange', 'r', 'rw', 'r!', 'rw!', 'r?', 'rw?'],
    noun: 'Database transaction (receiver not typed)',
    consequence: `${TRANSACTION} other requests wait for the connection and for the rows it locked.`,
  },
  // A query given the unit's transaction or session runs on it: Sequelize and TypeORM
  // `{ transaction: t }`, MongoDB `{ session }`, knex `.transacting(trx)`.
  // `download.pipe(res)`: the download runs to its end while the response is written.
  drainingMethods: ['pipe'],
  boundQueries: { options: ['transaction', 'session'], methods: ['transacting'] },
  // Which database a client talks to: knex (`db.client.config.client`, `db.client.dialect`,
  // `db.client.driverName`, and the dialect's client class, `db.client.constructor.name`,
  // `Client_MSSQL`), Sequelize (`sequelize.getDialect()`, `sequelize.options.dialect`) and
  // TypeORM (`manager.connection.options.type`, `queryRunner.connection.driver.options.type`;
  // not a bare `options.type`, which names many other things). A branch on one runs only on
  // that database.
  dialectReads: {
    properties: [
      ['client', 'config', 'client'],
      ['client', 'dialect'],
      ['client', 'driverName'],
      ['client', 'constructor', 'name'],
      ['options', 'dialect'],
      ['connection', 'options', 'type'],
      ['driver', 'options', 'type'],
    ],
    methods: ['getDialect'],
    configuredBy: ['client', 'dialect'],
    // The names of one database; messages use the first.
    aliases: [
      ['postgres', 'pg', 'postgresql', 'Client_PG'],
      ['mysql', 'mysql2', 'Client_MySQL', 'Client_MySQL2'],
      ['mariadb'],
      ['sqlite', 'sqlite3', 'better-sqlite3', 'Client_SQLite3', 'Client_BetterSQLite3'],
      ['mssql', 'tedious', 'Client_MSSQL'],
      ['oracle', 'oracledb', 'Client_Oracledb', 'Client_Oracle'],
      ['cockroachdb', 'Client_CockroachDB'],
      ['redshift', 'Client_Redshift'],
    ],
  },
  requestHandlers: nodeServers,
  sessionObjects: nodeSessionObjects,
};
