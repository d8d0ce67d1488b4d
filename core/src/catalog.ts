import type { ResourceId, SlowKind } from './ir/effects';

/**
 * What an API does, as data. Catalogs (native PHP, frameworks, libraries, the user's
 * configuration) are written in this shape in `rules/` and handed to the lowering; the
 * engine has no built-in list of functions.
 */
export type ApiSemantics =
  | {
      readonly effect: 'open';
      readonly resource: ResourceId;
      /** The key in the options array (argument 0) that means "read, then release at once". */
      readonly readAndCloseOption?: string;
      /** Always reads and releases at once (a framework's read-only session start). */
      readonly readOnly?: boolean;
      /** Opens only if not open yet (a framework's start on first access): never "opened twice". */
      readonly lazy?: boolean;
      /**
       * Changes the session's data once open (`$session->set()`, `$session->remove()`): a start
       * on first access followed by a write, so code after it that reads only still needs the lock.
       */
      readonly writes?: boolean;
    }
  | { readonly effect: 'close'; readonly resource: ResourceId; readonly how: 'write' | 'abort' | 'destroy' }
  | { readonly effect: 'use'; readonly resource: ResourceId }
  /**
   * Changes the session's data without a `$_SESSION` assignment (`session_unset()`);
   * `empties`: leaves no key set (`ir/session-emptied.ts`).
   */
  | { readonly effect: 'write'; readonly resource: ResourceId; readonly empties?: boolean }
  | {
      readonly effect: 'slow';
      readonly kind: SlowKind;
      /**
       * Slow only depending on this argument (a path): a URL makes it `remote-io`, a path the
       * analysis cannot see makes it `file-io`, a literal local path makes it not slow.
       */
      readonly pathArgument?: number;
      /**
       * Arguments that say how long it takes, summed (`sleep(5)`: `[{ index: 0,
       * secondsPerUnit: 1 }]`; `time_nanosleep(1, 500000000)`: seconds plus nanoseconds).
       */
      readonly durationArguments?: readonly { readonly index: number; readonly secondsPerUnit: number }[];
      /**
       * Where its timeout is set (`Catalog.timeoutOptions`): on the handle at argument `handle`
       * (`curl_exec($ch)`, `file_get_contents($url, false, $context)`) or on the receiver
       * (`$client->get()` with `new Client(['timeout' => 5])`), or in its own options array
       * (argument `options`: `$client->get($url, ['timeout' => 5])`).
       */
      readonly timeoutFrom?: { readonly handle?: number | 'receiver'; readonly options?: number };
      /**
       * A command line (`shell_exec('uname -a')`): judged by the programs it runs
       * (`Catalog.commands`): not slow when each is short, slow work at `warning` when one is
       * known to take time, and `info` when the analysis cannot name one of them.
       */
      readonly commandArgument?: number;
      /**
       * A host name to resolve (`gethostbyname()`): not slow when that needs no DNS query
       * (`localhost`, an IP address).
       */
      readonly hostArgument?: number;
      /**
       * The address a socket connection goes to (`fsockopen()`, `stream_socket_client()`): a
       * service on this machine (a loopback host, a `unix://` socket) is reported at `info`
       * (`lower/php/this-machine.ts`).
       */
      readonly connectArgument?: number;
      /**
       * An address to find the name of (`gethostbyaddr()`): not slow when it is a loopback
       * address (`127.0.0.1`, `::1`), which the host's own `/etc/hosts` answers.
       */
      readonly addressArgument?: number;
      /**
       * A database query: slow only when the SQL written in one of these arguments waits
       * (`Catalog.waitStatements`: `SELECT SLEEP(5)`, `GET_LOCK('x', 10)`). A page's own
       * ordinary queries are short; precision first.
       */
      readonly slowOnlyWithStatementIn?: readonly number[];
    }
  /** A clock read; `secondsPerUnit` converts what it returns to seconds (`hrtime(true)`: 1e-9). */
  | { readonly effect: 'time-check'; readonly secondsPerUnit?: number }
  | { readonly effect: 'output'; readonly flush: boolean }
  | { readonly effect: 'chunk-read' }
  | { readonly effect: 'terminate' }
  /**
   * Changes a runtime setting to a literal value: `ini_set('session.use_cookies', '0')`
   * (the name is argument 0, the value argument 1), or, with `name`, the setting that
   * argument 0 gives a value to (`session_cache_limiter('')`). Without a literal, nothing.
   */
  | { readonly effect: 'setting'; readonly name?: string }
  /** Known and harmless; listed for `returns` or `byRefArguments`. */
  | { readonly effect: 'none' };

export type ApiEntry = ApiSemantics & {
  /** Lower-case class name of the returned object, for method calls on it. */
  readonly returns?: string;
  /** Arguments taken by reference: passing `$_SESSION[...]` there writes the session. */
  readonly byRefArguments?: readonly number[];
  /** Arguments that are callables it runs before returning (`array_map`'s callback). */
  readonly invokesArguments?: readonly number[];
  /** The callable it runs gets the arguments written after it (`call_user_func('f', $a, $b)`). */
  readonly forwardsArguments?: boolean;
  /**
   * Wins over project code of the same name: the user's configuration says what their own
   * `Mailer::deliver()` does, whatever its body shows (a transport configured elsewhere).
   */
  readonly authoritative?: boolean;
  /**
   * Installs the project's own session store (`session_set_save_handler()`): on the paths
   * where it runs, sessions go through that store, which may not lock (see
   * `Catalog.sessionStore`). A preset whose framework installs a store known to lock lists
   * the function as `none` instead.
   */
  readonly replacesSessionStore?: boolean;
  /**
   * Says the request is expected to run long: a time limit (argument `limitArgument`, in
   * seconds, 0 for none) of at least `minimumSeconds`, or a setting
   * (`ini_set('max_execution_time', 0)`) given such a limit.
   */
  readonly declaresLongRun?: {
    readonly limitArgument?: number;
    readonly setting?: { readonly nameArgument: number; readonly names: readonly string[]; readonly valueArgument: number };
    readonly minimumSeconds: number;
  };
  /**
   * Sets timeouts (`Catalog.timeoutOptions`): on the handle at argument `handle` with an
   * option and a value (`curl_setopt($ch, CURLOPT_TIMEOUT, 10)`) or an options array
   * (`curl_setopt_array`); without `handle`, on what it returns (`stream_context_create([…])`,
   * `new Client(['timeout' => 5])`).
   */
  readonly setsTimeouts?: { readonly handle?: number; readonly option?: number; readonly value?: number; readonly options?: number };
  /**
   * Returns a failure only on an error, never as an answer to wait on: a blocking `flock()`
   * waits until it has the lock. Blocking unless argument `index` names one of `names`
   * (`LOCK_NB`); an argument the analysis cannot read as names is taken as not blocking.
   */
  readonly failsOnlyOnError?: { readonly unlessArgumentNames?: { readonly index: number; readonly names: readonly string[] } };
  /**
   * Returns the error of the call before it (`mysqli_errno()`, `curl_error()`): 0, `''` or
   * null when that call succeeded. A branch that needs it set runs only after an error.
   */
  readonly reportsLastError?: true;
  /** Returns a path on this machine (`tempnam()`, `sys_get_temp_dir()`): reading it is not remote. */
  readonly returnsLocalPath?: boolean;
  /** Returns this machine's own name (`gethostname()`): resolving it needs no DNS query (`/etc/hosts`). */
  readonly returnsOwnHostName?: true;
  /** Formats a string from the argument at this index (`sprintf()`): a URL format makes a URL. */
  readonly formatArgument?: number;
  /**
   * Hands out the service of the project's dependency-injection container whose id is the
   * literal at this argument (`$container->get('mailer')`, `get(Mailer::class)`): it returns an
   * object of the service's class, built on the first call (`Catalog.services`).
   */
  readonly servicesById?: number;
  /** Registers a callback for a named hook (`add_action('init', 'start_session')`). */
  readonly registersCallback?: {
    readonly hook: number;
    readonly callback: number;
    /** A route: its callback may also be written `'Controller@method'` (Laravel). */
    readonly route?: boolean;
  };
  /**
   * Has its effect only when argument `index` is one of `values` (a string literal, or an
   * array literal holding one): CodeIgniter's `$this->load->library('session')` starts the
   * session, `library('email')` does not. Otherwise the call does nothing the analysis tracks.
   */
  readonly onlyWithArgument?: { readonly index: number; readonly values: readonly string[] };
  /**
   * A close the code may call (and the analysis then sees) that a fix must not insert: the
   * project's version of the framework may not have it (CodeIgniter 4's `Session::close()`
   * before 4.4; `FrameworkPreset.closeSince`).
   */
  readonly notInsertedByFixes?: boolean;
};

/**
 * A framework's bootstrap file: including it starts the session (Moodle's `config.php`,
 * ownCloud's and Nextcloud's `lib/base.php`), so the including script runs with the session
 * open from the include on, whether or not the framework's own code is analysed.
 */
export interface BootstrapInclude {
  /** The end of the included path, compared at a `/` (`config.php`, `lib/base.php`). */
  readonly pathEndsWith: string;
  readonly resource: ResourceId;
  /** Where the session is opened, for the related location: "… starts the session". */
  readonly label: string;
  /** Constants that, `define()`d (not false) earlier in the including unit, mean no session starts. */
  readonly unlessDefined?: readonly string[];
  /** Constants that, `define()`d earlier, mean the session is read without its lock. */
  readonly readOnlyIfDefined?: readonly string[];
  /**
   * The framework's own write-back close of this session, as the including script writes it
   * (`\\core\\session\\manager::write_close()`): the early close the fixes insert.
   */
  readonly closeCall?: string;
  /**
   * Why the analysis cannot prove that nothing after such a close writes the session (the
   * framework keeps session data in objects whose changes it does not follow): the early close
   * is then `unsafe`, and its title says what to check.
   */
  readonly closeCaveat?: string;
}

/** A service the project's container defines (`<service id="mailer" class="App\\Mailer"/>`). */
export interface ContainerService {
  /** Lower-case, fully qualified class name without a leading backslash. */
  readonly className: string;
  /** Built once and handed out again on later calls (the container's default); false: built on every call. */
  readonly shared: boolean;
  /** Built with `new` (its constructor runs); false when a factory builds it. */
  readonly constructed: boolean;
}

export interface Catalog {
  /** Lower-case, fully qualified function names without a leading backslash. */
  readonly functions: Readonly<Record<string, ApiEntry>>;
  /**
   * Lower-case class name → lower-case method name (or `*` for every method, `__construct`
   * for `new`) → semantics.
   */
  readonly methods: Readonly<Record<string, Readonly<Record<string, ApiEntry>>>>;
  /** Lower-case class name → its parent, for classes whose methods are listed by parent. */
  readonly classParents?: Readonly<Record<string, string>>;
  /**
   * Lower-case library class → property → lower-case class of its value, so that project
   * classes extending it type `$this->request` (CakePHP) or `$this->load` (CodeIgniter 3).
   * Static properties are written with their `$` (`yii` → `$app` for `Yii::$app`).
   */
  readonly properties?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Framework bootstrap files whose inclusion starts the session. */
  readonly bootstrapIncludes?: readonly BootstrapInclude[];
  /**
   * The services of the project's dependency-injection container, by id as written (an id that
   * is a class name also lower-case): read from its service definitions (`rules/src/services/`).
   */
  readonly services?: Readonly<Record<string, ContainerService>>;
  /**
   * Options that bound how long a request may take, by the name written as the key or option
   * (`CURLOPT_TIMEOUT`, `'timeout'`), with the unit of their value. `connectOnly` bounds only
   * the connection (`CURLOPT_CONNECTTIMEOUT`), not the whole request.
   */
  readonly timeoutOptions?: Readonly<Record<string, { readonly secondsPerUnit: number; readonly connectOnly?: boolean }>>;
  /** What the programs of a command line cost (`lower/php/command-line.ts`). */
  readonly commands?: CommandCatalog;
  /**
   * Keys of `$_SERVER` that a web server always gives the script, set and not empty
   * (`HTTP_HOST`, `REQUEST_METHOD`): `isset()` and `empty()` of them are decided as every web
   * request decides them (`lower/php/web-request.ts`).
   */
  readonly requestServerKeys?: readonly string[];
  /**
   * Constants PHP defines only when it runs from the command line (`STDIN`): `defined()` of
   * them is false in every web request (`lower/php/web-request.ts`), so
   * `defined('STDIN') or die();` ends every web path.
   */
  readonly commandLineConstants?: readonly string[];
  /**
   * The functions PHP itself defines (with its bundled extensions), lower-case: a
   * `function_exists()` of one of them probes the installation (`lower/php/environment-probes.ts`),
   * not a redeclaration guard.
   */
  readonly builtinFunctions?: readonly string[];
  /**
   * The extensions a PHP installation has as a rule, lower-case (`openssl`, not `redis`):
   * `extension_loaded()` of one of them probes the installation (`lower/php/environment-probes.ts`).
   */
  readonly builtinExtensions?: readonly string[];
  /**
   * SQL that makes the database wait (`SLEEP(`, `GET_LOCK(`), compared upper-case with single
   * spaces: a query that runs it is slow work (see `slowOnlyWithStatementIn`).
   */
  readonly waitStatements?: readonly string[];
  /** Superglobals whose elements are paths on this machine (`_FILES`: uploads), without `$`. */
  readonly localPathVariables?: readonly string[];
  /** Superglobals the request fills (`_GET`, `_POST`): a path from them may be anything. */
  readonly requestVariables?: readonly string[];
  /** Superglobals the server or project fills (`_SERVER`, `_ENV`, `GLOBALS`): configuration. */
  readonly configurationVariables?: readonly string[];
  /** The superglobal that holds the session data, without `$`. */
  readonly sessionVariable: string;
  readonly sessionResource: ResourceId;
  /** How a store installed by the project is tracked, and what in its code takes a lock. */
  readonly sessionStore?: SessionStoreCatalog;
}

/**
 * A session store of the project's own (`session_set_save_handler()`). The flow tracks
 * "a store is installed" as a resource of its own (`resource`: open where a store was installed
 * on the path), so a store installed in a bootstrap or a helper is seen through the same
 * summaries as a session start. Whether the store locks is read from the code of its handler:
 * a call below in its `read`/`open` (or in what they call) takes a lock.
 */
export interface SessionStoreCatalog {
  readonly resource: ResourceId;
  /** The methods of a handler object whose code takes the lock, if any (`open`, `read`). */
  readonly handlerMethods: readonly string[];
  /** In the callables form (six callables or more), the positions of those methods. */
  readonly handlerCallables: readonly number[];
  /** Functions that take a lock (`flock`, `sem_acquire`). */
  readonly lockFunctions: readonly string[];
  /** Methods, on any receiver, that take a lock (`setnx`). */
  readonly lockMethods: readonly string[];
  /**
   * Methods that take a lock when a literal argument (or an element of a literal array
   * argument) is this flag, compared case-insensitively: Redis `set($key, $v, ['nx', 'ex' => 30])`.
   */
  readonly lockFlags: Readonly<Record<string, string>>;
  /**
   * SQL that takes a lock (`GET_LOCK(`, `FOR UPDATE`), found in the string literals passed
   * to a call (directly, or through a variable assigned once), compared upper-case with single spaces.
   */
  readonly lockStatements: readonly string[];
}

/**
 * What Node APIs do, as data, for the TypeScript/JavaScript lowering (syntax and import
 * tracking only). Module names are written without the `node:` prefix.
 */
export interface NodeCatalog {
  /** Resources held per variable: `const client = await pool.connect()` … `client.release()`. */
  readonly heldResources: readonly NodeHeldResource[];
  /** Slow functions reached through imports (`import axios from 'axios'`, `require(…)`). */
  readonly modules: Readonly<Record<string, Readonly<Record<string, NodeSlowExport>>>>;
  /** Slow global functions (`fetch`). */
  readonly globals: Readonly<Record<string, NodeSlowExport>>;
  /**
   * Global timer functions: `await new Promise((r) => setTimeout(r, n))` sleeps.
   */
  readonly timers: readonly string[];
  /** Wrappers that turn a callback API into a promise one (`promisify`), by module. */
  readonly promisifiers: Readonly<Record<string, readonly string[]>>;
  /** Method decorators whose method body runs with a resource held (`@Transactional()`). */
  readonly heldDecorators?: readonly NodeHeldDecorator[];
  /**
   * SDK clients made with `new X()` whose calls are slow (`s3.send(…)`, `stripe.charges.create(…)`),
   * and library instances whose methods run a callback in place (`storage.run(store, work)`).
   */
  readonly slowClients?: readonly NodeSlowClient[];
  /** SQL that opens and ends a transaction on whatever client runs it (`client.query('BEGIN')`). */
  readonly transactionStatements?: readonly NodeTransactionStatements[];
  /** Events whose `await once(emitter, name)` waits on the network (`'response'` of `http.request()`). */
  readonly awaitedEvents?: readonly NodeAwaitedEvent[];
  /**
   * Transactions recognised by their shape on receivers whose type is not known (compiled
   * JavaScript, injected handles): `this.knex.transaction(async (trx) => …)`.
   */
  readonly structuralTransactions?: NodeStructuralTransactions;
  /** Stream methods that run the stream to its end while they write it elsewhere (`pipe`): the source's slow work counts as awaited. */
  readonly drainingMethods?: readonly string[];
  /** Web frameworks: which functions handle a request (named in messages). Absent: none are known. */
  readonly requestHandlers?: NodeRequestHandlers;
  /** Session objects that a store saves as a whole (`req.session`). Absent: no session is known. */
  readonly sessionObjects?: NodeSessionObjects;
  /**
   * Options and methods that run a query on a connection or transaction the caller hands it
   * (`{ transaction: t }`, `{ session }`, `.transacting(trx)`): such a query is not one on
   * another connection.
   */
  readonly boundQueries?: { readonly options: readonly string[]; readonly methods: readonly string[] };
  /** Emitters whose awaited emit runs the project's listeners first (`await events.emitAsync('x')`). */
  readonly eventEmitters?: readonly NodeEventEmitter[];
  /** Authentication middleware whose strategies are registered by name (`passport`). */
  readonly passport?: NodePassport;
  /** Interceptors a decorator puts around a method (NestJS `@UseInterceptors(I)`). */
  readonly interceptors?: readonly NodeInterceptors[];
  /**
   * Reads of the database dialect a client was configured with (`knex.client.config.client`,
   * `sequelize.getDialect()`): code behind a test of one runs only on that database.
   */
  readonly dialectReads?: NodeDialectReads;
}

/** Where a query builder or ORM says which database it talks to. */
export interface NodeDialectReads {
  /** Property chains, by their last names (`['client', 'config', 'client']` of a knex instance). */
  readonly properties: readonly (readonly string[])[];
  /** Methods whose result is the dialect (Sequelize's `getDialect()`). */
  readonly methods: readonly string[];
  /**
   * Options of the call that makes the instance which name its dialect (`knex({ client: 'pg' })`,
   * `new Sequelize(url, { dialect: 'mysql' })`): a literal there says which database runs.
   */
  readonly configuredBy: readonly string[];
  /**
   * The names of one database (`pg`, `postgres`, `postgresql`, knex's `Client_PG`): a test of
   * one is a test of all. A branch for a named database other than the configured one never runs.
   */
  readonly aliases: readonly (readonly string[])[];
}

/**
 * An event emitter whose `awaiting` methods run every listener of the event and wait for them
 * (`await this.events.emitAsync('order.paid', order)` with `@nestjs/event-emitter`): listeners
 * are project methods marked by a decorator naming the event (`@OnEvent('order.paid')`).
 */
export interface NodeEventEmitter {
  /** Modules that export the emitter class (`eventemitter2`, `@nestjs/event-emitter`). */
  readonly modules: readonly string[];
  readonly className: string;
  /** Methods that wait for the listeners (`emitAsync`); the event name is the first argument. */
  readonly awaiting: readonly string[];
  /** The method decorator that makes a listener, and the modules that export it. */
  readonly listener: { readonly modules: readonly string[]; readonly name: string };
}

/**
 * A framework's interceptors: `use` (from one of `modules`) given on a method, or on its class,
 * or inside a decorator the project composes with `compose` (`applyDecorators(…,
 * UseInterceptors(I))`), makes each interceptor class's `method` run around the method; the
 * method runs where that one calls `handle` on its parameter at `next` (`next.handle()`).
 */
export interface NodeInterceptors {
  readonly modules: readonly string[];
  /** The decorator that lists interceptor classes (`UseInterceptors`). */
  readonly use: string;
  /** Decorator composers whose arguments are all applied (`applyDecorators`). */
  readonly compose: readonly string[];
  /** The interceptor's method (`intercept`), its parameter that runs the method (1: `next`), and the call that does (`handle`). */
  readonly method: string;
  readonly next: number;
  readonly handle: string;
}

/**
 * How request handlers are registered, so that a unit can be named as one (`express route
 * handler for GET /x`, `Next.js route handler for POST`, `NestJS controller method for GET`).
 */
export interface NodeRequestHandlers {
  /** Server frameworks, by the modules whose import makes a file a server file; the first that fits names it. */
  readonly servers: readonly {
    readonly name: string;
    readonly modules: readonly string[];
    /**
     * The position of a middleware's `next` parameter when awaiting it waits for the rest of
     * the request (Koa `(ctx, next)`: 1): calling it runs the middleware and handler
     * registered after it. Absent where `next()` returns before async handlers finish (Express).
     */
    readonly nextParameter?: number;
    /** Where `next()` returns at once but a middleware can keep what it holds until the response ends (Express). */
    readonly responseEnd?: NodeResponseEnd;
  }[];
  /** The name when a route has a path but the file imports none of `servers`. */
  readonly defaultServer: string;
  /** Methods of an app or router that register a route for an HTTP method (`get`, `post`, `all`). */
  readonly routeMethods: readonly string[];
  /** The method that registers middleware (`use`): a handler without a path. */
  readonly middlewareMethod: string;
  /** The method that names a path for chained routes (`router.route('/x').get(…)`). */
  readonly pathMethod: string;
  /** Routers that take the route from the file's place (Next.js). */
  readonly fileRoutes: readonly NodeFileRoutes[];
  /** Controller classes whose decorated methods are routes (NestJS). */
  readonly controllers: readonly NodeControllers[];
}

/**
 * A server whose `next()` returns before the handler is done (Express): a middleware
 * `(req, res, next)` that releases what it holds in a listener for the response's end
 * (`res.on('finish', () => client.release())`) holds it across every route behind it.
 */
export interface NodeResponseEnd {
  /** The position of the response parameter (`res`: 1). */
  readonly responseParameter: number;
  /** The position of `next` (2). */
  readonly nextParameter: number;
  /** Methods of the response that register a listener (`on`, `once`). */
  readonly listen: readonly string[];
  /** Events that mean the response has ended (`finish`, `close`). */
  readonly events: readonly string[];
}

/** A file-system router: `app/**\/route.ts` exporting `GET`; `pages/api/**` with a default export. */
export interface NodeFileRoutes {
  readonly name: string;
  /** A file named `stem` below a folder named `folder`, whose exported functions named `methods` handle those HTTP methods. */
  readonly methodExports?: { readonly folder: string; readonly stem: string; readonly methods: readonly string[] };
  /** A file below the folders `folders` (in that order, adjacent) whose default export handles every method; `label` names it. */
  readonly defaultExport?: { readonly folders: readonly string[]; readonly label: string };
}

/** Controllers: a class decorated with `classDecorator`, whose methods decorated with one of `methodDecorators` are routes. */
export interface NodeControllers {
  readonly name: string;
  readonly classDecorator: string;
  readonly methodDecorators: readonly string[];
}

/**
 * Session objects a store loads at the start of a request and saves as a whole at its end
 * (express-session's `req.session`, iron-session's `await getIronSession()`). Reads and writes
 * of them are recorded, so that a copy written after a slow await can be reported.
 */
export interface NodeSessionObjects {
  /** Properties of a request (or context) that hold the session (`session`, `appSession`). */
  readonly requestProperties: readonly string[];
  /** Type names of a request parameter (`Request`, `FastifyRequest`). */
  readonly requestTypes: readonly string[];
  /** Parameter names of a request (`req`, `ctx`), which count only in a file importing one of `modules`. */
  readonly requestNames: readonly string[];
  readonly modules: readonly string[];
  /** Parameter decorators that inject the session (`@Session()`). */
  readonly parameterDecorators: readonly string[];
  /** Functions that load a session object and return it (`getIronSession`). */
  readonly loaders: readonly { readonly modules: readonly string[]; readonly name: string }[];
  /** Methods of the session that load it again (`reload`, `regenerate`). */
  readonly reloadMethods: readonly string[];
  /** Methods that save the whole session (`save`, koa-session's `manuallyCommit`). */
  readonly saveMethods: readonly string[];
  /** Methods that write or read one key named by their first argument (`set`, `get`). */
  readonly setMethods: readonly string[];
  readonly getMethods: readonly string[];
  /** Methods that change none of its data (`destroy`, `touch`). */
  readonly inertMethods: readonly string[];
  /** A request method that keeps messages in the session (`req.flash(type, message)`), and their key. */
  readonly flash?: { readonly method: string; readonly key: string };
}

/**
 * A transaction recognised by its shape when the receiver cannot be typed: a method of
 * `scopes` called with a function literal (or the unit's own callback parameter) as its first or
 * second argument runs it inside a transaction; `const trx = await x.transaction()` holds one
 * when the unit also ends it (`trx.commit()`, `trx.rollback()`).
 */
export interface NodeStructuralTransactions {
  /** The resource id prefix. */
  readonly kind: string;
  /** Methods that run a callback inside a transaction (`transaction`, `transactional`, `$transaction`). */
  readonly scopes: readonly string[];
  /** Methods whose awaited result is the transaction (`transaction`). */
  readonly acquires: readonly string[];
  /** Methods of the transaction that end it; one of them must be called in the unit (`commit`, `rollback`). */
  readonly releases: readonly string[];
  /** Modules whose values have such methods without being databases (`mobx`); `x/*` is a prefix. */
  readonly notModules?: readonly string[];
  /** String arguments that make it a browser store's transaction (IndexedDB `'readwrite'`, Dexie `'rw'`). */
  readonly notModes?: readonly string[];
  readonly noun: string;
  readonly consequence: string;
}

/**
 * Transaction control written as SQL: `await client.query('BEGIN')` … `client.query('COMMIT')`
 * holds a transaction on that client (whoever acquired it). Statements are compared upper
 * case with single spaces; one matches a keyword when it is the keyword or starts with it and
 * a space (`BEGIN ISOLATION LEVEL SERIALIZABLE`).
 */
export interface NodeTransactionStatements {
  /** The resource id prefix: `sql-transaction` gives `sql-transaction:<unit>:<receiver>`. */
  readonly kind: string;
  /** Methods that run the SQL given as their first argument (`query`, `execute`). */
  readonly methods: readonly string[];
  /** Statements that open it (`BEGIN`, `START TRANSACTION`). */
  readonly begin: readonly string[];
  /** Statements that end it (`COMMIT`, `ROLLBACK`, `END`). */
  readonly end: readonly string[];
  /** Methods that open one without SQL (`connection.beginTransaction()` of mysql2). */
  readonly beginMethods?: readonly string[];
  /** Methods that end one opened on the same receiver in the same unit (`commit()`). */
  readonly endMethods?: readonly string[];
  /** Statements that start like an end but end nothing (`ROLLBACK TO SAVEPOINT x`). */
  readonly notEnd?: readonly string[];
  readonly noun: string;
  readonly consequence: string;
}

/** `await once(req, 'response')` (`events`): waits for what the event reports. */
export interface NodeAwaitedEvent {
  /** Modules exporting the waiting function (`events`). */
  readonly modules: readonly string[];
  /** The exported function (`once`); the event name is its second argument. */
  readonly name: string;
  /** Event names that arrive only after network work, with its kind (`response` → `http`). */
  readonly events: Readonly<Record<string, SlowKind>>;
}

/**
 * Queries a pool or database client hands to a connection of its own: made while the unit
 * holds another connection or transaction, they wait for that other connection (slow work of
 * kind `database`). Only awaited (or returned) calls count: a query builder is inert until then.
 */
export interface NodeHolderQueries {
  /** Methods of the holder that run a query (`pool.query()`, `prisma.$queryRaw()`). */
  readonly methods?: readonly string[];
  /** Any method of any of its properties (`prisma.user.findMany()`). */
  readonly resourceMethods?: boolean;
  /** Calling the holder itself starts a query builder (`db('users')` in knex). */
  readonly callable?: boolean;
}

/**
 * A library class whose instances the lowering follows by how they are made (a variable, a
 * `this.` property, an export of another module, a declared type): an SDK client whose calls
 * are slow (`new S3Client()` from `@aws-sdk/client-s3`, `new Stripe(key)`), or an instance
 * whose methods run a callback they are given (`new AsyncLocalStorage()`: `storage.run(store, work)`).
 */
export interface NodeSlowClient {
  /** What its slow `methods` (or `resourceMethods`) do; absent when it has `runs` only. */
  readonly kind?: SlowKind;
  /** Modules that export it; a name ending in `*` is a prefix (`@aws-sdk/client-*`). */
  readonly modules: readonly string[];
  /** The export (`default` for a default export); a name starting with `*` is a suffix (`*Client`). */
  readonly className: string;
  /** Slow methods of the instance (`send`). */
  readonly methods?: readonly string[];
  /** Slow: any method of any of its properties (`stripe.charges.create()`). */
  readonly resourceMethods?: boolean;
  /** How an instance is made: `new X()` (default) or a call of the export (`nodemailer.createTransport()`). */
  readonly made?: 'new' | 'call';
  /**
   * Methods that call one of their arguments at once and return what it returns, by the
   * argument's position (negative: from the end): `storage.run(store, work)` runs `work` (1)
   * with the caller's resources still held, so the callback's slow work is the caller's.
   */
  readonly runs?: Readonly<Record<string, number>>;
}

/** `@Transactional()` from one of `modules`: the whole method body runs inside a transaction. */
export interface NodeHeldDecorator {
  readonly kind: string;
  readonly modules: readonly string[];
  /** The exported decorator (`Transactional`). */
  readonly name: string;
  readonly noun: string;
  readonly consequence: string;
}

/**
 * A lock taken by key on a shared client rather than handed out as an object: Redis
 * `await redis.set(key, token, { nx: true, ex: 20 })` takes the lock named `key` only when the
 * key was free (the call's result is truthy), and `redis.del(key)` (or a compare-and-delete
 * script given the key) releases it; otherwise it expires. The same `SET NX` is also written
 * to remember that something was done once (a de-duplication key that is never deleted), so
 * the call counts as an acquire only when the same function also releases that key.
 */
export interface NodeKeyedLock {
  /** Methods that take it only with one of `options` set to `true` in an object argument or one of `flags` as a string argument (`set`). */
  readonly conditional: readonly string[];
  readonly options: readonly string[];
  readonly flags: readonly string[];
  /** Methods that always mean "set if absent" (`setnx`). */
  readonly always: readonly string[];
  /** The position of the key. */
  readonly keyArgument: number;
  /**
   * Methods that release it when an argument is the key, or an array literal (or a `keys`
   * property) that holds it: `del(key)`, `eval(script, [key], [token])`.
   */
  readonly release: readonly string[];
}

/** A method that runs a callback with a resource held: `prisma.$transaction(async (tx) => …)`. */
export interface NodeResourceScope {
  readonly method: string;
  /** Overrides the resource's noun ("Prisma interactive transaction"). */
  readonly noun?: string;
  readonly consequence?: string;
  /** How messages name it: the callback's first parameter (`tx`, default) or the receiver (`mutex`). */
  readonly name?: 'parameter' | 'receiver';
}

/** Every module a held-resource entry comes from (`module`, then its aliases). */
export function heldResourceModules(entry: NodeHeldResource): readonly string[] {
  return entry.modules ? [entry.module, ...entry.modules] : [entry.module];
}

export interface NodeHeldResource {
  /** The resource id prefix: `pg-client` gives `pg-client:<unit>:<variable>`. */
  readonly kind: string;
  readonly module: string;
  /** The exported class whose instances hand out the resource (`Pool`). */
  readonly className: string;
  /** Other modules that export the same class or factory (drizzle's drivers). */
  readonly modules?: readonly string[];
  /**
   * How an instance is made: `new Pool()` (default), a call of the export
   * (`knex(config)`, `mysql.createPool()`), or the module itself holds it (`lockfile.lock()`);
   * `initialized`: the export is called once to initialise the library and its result is
   * called to make an instance (`const pgp = require('pg-promise')(); const db = pgp(cn)`).
   */
  readonly made?: 'new' | 'call' | 'module' | 'initialized';
  /** Static methods of the class that make an instance too (`Redis.fromEnv()`). */
  readonly factories?: readonly string[];
  /** Acquiring returns the release function itself: `const release = await mutex.acquire()`. */
  readonly releaseFunction?: boolean;
  /** A lock, not a connection: database queries under it are the work it guards, not slow for it. */
  readonly lock?: boolean;
  /**
   * A connection checked out of a pool (`pool.connect()`): outside a transaction, releasing it
   * and checking out another one does the same work, so a fix may release it before slow work
   * and acquire a new one after it.
   */
  readonly pooled?: boolean;
  /**
   * Acquiring returns a tuple whose element at this index is the release function
   * (`const [value, release] = await semaphore.acquire()`); needs `releaseFunction`.
   */
  readonly releaseIndex?: number;
  /** Queries made on the holder itself (the pool, not the client it hands out). */
  readonly queries?: NodeHolderQueries;
  /** A lock the holder itself takes by key (Redis `SET key value NX`): see `NodeKeyedLock`. */
  readonly keyedLock?: NodeKeyedLock;
  /** Methods of an instance that run a callback with the resource held. */
  readonly scopes?: readonly NodeResourceScope[];
  /** Methods of the acquired object that run a callback with more held (`session.withTransaction`). */
  readonly heldScopes?: readonly NodeResourceScope[];
  /** Methods of an instance that acquire it (`connect`). */
  readonly acquire: readonly string[];
  /** Methods of the acquired object that release it (`release`). */
  readonly release: readonly string[];
  /** How messages name it: "Pooled client". */
  readonly noun: string;
  /** Why holding it is costly, the end of the message. */
  readonly consequence: string;
}

export interface NodeSlowExport {
  readonly kind: SlowKind;
  /** Slow when called (`fetch(url)`); otherwise only its methods are (`axios.get`). */
  readonly callable?: boolean;
  /** Methods of the export that are slow (`get`, `post`). */
  readonly methods?: readonly string[];
  /** Slow only when its promise is awaited (callback forms run later, not here). */
  readonly whenAwaited?: boolean;
}

/**
 * Programs of command lines, lower-case and without a directory. An entry of two words is a
 * program with its first argument written in the code (`git rev-parse`: git's other
 * subcommands may talk to a remote).
 */
export interface CommandCatalog {
  /** Programs that do a little local work and exit at once (`uname`, `cat`, `df`, `mkdir`). */
  readonly short: readonly string[];
  /** Programs that take time: network clients, media and document conversion, archives, dumps. */
  readonly slow: readonly string[];
  /** Arguments that, when they are all a program is given, only ask for its version or usage. */
  readonly probeArguments: readonly string[];
  /** Programs that run the program written after their options (`sudo`, `nice`, `env`). */
  readonly wrappers: readonly string[];
  /**
   * Programs that are short unless given one of these options, and then slow (`tail -n 50 log`
   * reads a file's end and exits; `tail -f` follows it until killed). A one-letter option (`-f`) also counts
   * inside a group (`-fn`); a word the code computes is taken as a value, not one of them.
   */
  readonly shortUnlessOption?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Authentication middleware that runs strategies registered by name: `passport.use(new
 * GoogleStrategy(opts, verify))` registers under the strategy's own name (`google`),
 * `passport.use('name', new X(…))` under the given one; `passport.authenticate('google',
 * (err, user) => { … })(req, res, next)` inside a handler runs the strategy, then the callback.
 */
export interface NodePassport {
  /** Modules whose default (or namespace) export is the authenticator (`passport`). */
  readonly modules: readonly string[];
  /** The method that registers a strategy (`use`). */
  readonly register: string;
  /** The method that makes the middleware for a strategy name (`authenticate`). */
  readonly authenticate: string;
  /** The exports of a strategy package that are its strategy class (`Strategy`, `default`). */
  readonly strategyExports: readonly string[];
  readonly strategies: readonly NodePassportStrategy[];
}

export interface NodePassportStrategy {
  readonly modules: readonly string[];
  /** The name it registers under when `use()` is given none. */
  readonly name: string;
  /**
   * Its `authenticate()` exchanges a code for tokens with the provider over the network
   * before it calls back (OAuth 1/2, OpenID Connect); a local check (passwords, JWTs) does not.
   */
  readonly exchange: boolean;
}
