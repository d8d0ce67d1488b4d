import type { ApiEntry, Catalog, SessionStoreCatalog, SlowKind } from '../../../core/src';
import { mergeCatalogs } from './merge';
import { phpCommands } from './php-commands';
import { phpLibrariesCatalog } from './php-libraries';
import { PHP_BUILTIN_FUNCTIONS } from './php-builtin-functions';
import { PHP_BUILTIN_EXTENSIONS } from './php-builtin-extensions';

/**
 * Native PHP: the session functions, and the functions and classes that do slow work.
 * Data only; the engine reads it. Frameworks and libraries get catalogs of their own.
 */
const SESSION = 'php-session';

const session: Record<string, ApiEntry> = {
  session_start: { effect: 'open', resource: SESSION, readAndCloseOption: 'read_and_close' },
  session_reset: { effect: 'use', resource: SESSION },
  session_regenerate_id: { effect: 'use', resource: SESSION },
  session_write_close: { effect: 'close', resource: SESSION, how: 'write' },
  session_commit: { effect: 'close', resource: SESSION, how: 'write' },
  session_abort: { effect: 'close', resource: SESSION, how: 'abort' },
  session_destroy: { effect: 'close', resource: SESSION, how: 'destroy' },
  session_unset: { effect: 'write', resource: SESSION, empties: true },
  session_set_save_handler: { effect: 'none', replacesSessionStore: true },
};

function slow(kind: SlowKind, pathArgument?: number): ApiEntry {
  return pathArgument === undefined ? { effect: 'slow', kind } : { effect: 'slow', kind, pathArgument };
}

/** A sleep whose duration is its arguments, each in its unit (seconds, microseconds, …). */
function sleepFor(...units: readonly number[]): ApiEntry {
  return { effect: 'slow', kind: 'sleep', durationArguments: units.map((secondsPerUnit, index) => ({ index, secondsPerUnit })) };
}

const sleeps: Record<string, ApiEntry> = {
  sleep: sleepFor(1),
  usleep: sleepFor(1e-6),
  time_nanosleep: sleepFor(1, 1e-9),
  time_sleep_until: slow('sleep'),
};

/** Slow, with its timeout set on the handle at argument `handle` (`curl_exec($ch)`). */
function withTimeoutOn(entry: ApiEntry, handle: number): ApiEntry {
  return entry.effect === 'slow' ? { ...entry, timeoutFrom: { handle } } : entry;
}

const remote: Record<string, ApiEntry> = {
  curl_exec: withTimeoutOn(slow('http'), 0),
  curl_setopt: { effect: 'none', setsTimeouts: { handle: 0, option: 1, value: 2 } },
  curl_setopt_array: { effect: 'none', setsTimeouts: { handle: 0, options: 1 } },
  stream_context_create: { effect: 'none', setsTimeouts: { options: 0 } },
  curl_multi_exec: slow('http'),
  curl_multi_select: slow('http'),
  // The stream context (`stream_context_create(['http' => ['timeout' => 5]])`) is argument 2 or 3.
  file_get_contents: withTimeoutOn(slow('remote-io', 0), 2),
  fopen: withTimeoutOn(slow('remote-io', 0), 3),
  file: withTimeoutOn(slow('remote-io', 0), 2),
  get_headers: slow('http'),
  copy: slow('remote-io', 0),
  getimagesize: slow('remote-io', 0),
  exif_read_data: slow('remote-io', 0),
  simplexml_load_file: slow('remote-io', 0),
  checkdnsrr: slow('remote-io'),
  dns_check_record: slow('remote-io'),
  getmxrr: slow('remote-io'),
  dns_get_mx: slow('remote-io'),
  gethostbyaddr: { effect: 'slow', kind: 'remote-io', addressArgument: 0 },
  gethostbynamel: { effect: 'slow', kind: 'remote-io', hostArgument: 0 },
  socket_connect: slow('remote-io'),
  socket_recv: slow('remote-io'),
  socket_read: slow('remote-io'),
  ftp_connect: slow('remote-io'),
  ftp_ssl_connect: slow('remote-io'),
  ftp_login: slow('remote-io'),
  ftp_get: slow('remote-io'),
  ftp_fget: slow('remote-io'),
  ftp_put: slow('remote-io'),
  ftp_fput: slow('remote-io'),
  ftp_nlist: slow('remote-io'),
  ftp_rawlist: slow('remote-io'),
  ssh2_connect: slow('remote-io'),
  ssh2_exec: slow('remote-io'),
  fsockopen: { effect: 'slow', kind: 'remote-io', connectArgument: 0 },
  pfsockopen: { effect: 'slow', kind: 'remote-io', connectArgument: 0 },
  stream_socket_client: { effect: 'slow', kind: 'remote-io', connectArgument: 0 },
  gethostbyname: { effect: 'slow', kind: 'remote-io', hostArgument: 0 },
  dns_get_record: slow('remote-io'),
  mail: slow('mail'),
  mb_send_mail: slow('mail'),
  // LDAP: `ldap_connect()` only parses the URL; the first bind or STARTTLS opens the connection
  // (TCP, TLS handshake, authentication), which waits on the network until the directory server
  // answers (GOsa's per-location binds, every LDAP login). Once connected, reads and writes are
  // the directory's queries: in an application whose data store is the directory they are what
  // SQL queries are elsewhere, milliseconds each, and no SQL query is reported either (the
  // reviewers judged LAM's single-entry and small-subtree reads false or debatable and every
  // bind/STARTTLS true or, behind a login setting, debatable). So only these wait here; an
  // anonymous search with no bind before it, which opens the connection itself, is not told apart.
  ldap_bind: slow('ldap'),
  ldap_bind_ext: slow('ldap'),
  ldap_sasl_bind: slow('ldap'),
  ldap_start_tls: slow('ldap'),
  imap_open: slow('mail'),
  imap_search: slow('mail'),
  imap_fetchbody: slow('mail'),
  imap_fetchstructure: slow('mail'),
  imap_fetch_overview: slow('mail'),
  imap_headerinfo: slow('mail'),
  imap_body: slow('mail'),
  imap_check: slow('mail'),
  imap_status: slow('mail'),
  imap_append: slow('mail'),
  imap_mail: slow('mail'),
  imap_sort: slow('mail'),
  // RADIUS (PECL radius): `radius_send_request()` sends the request built so far to the servers
  // `radius_add_server()` named and waits for an answer (its timeout, times its retries, per
  // server). The other `radius_*` functions build the request or read the answer locally.
  radius_send_request: slow('remote-io'),
  // SNMP requests to a network device (ext/snmp), each waiting for the agent to answer.
  ...Object.fromEntries(
    ['snmpget', 'snmpgetnext', 'snmpwalk', 'snmprealwalk', 'snmpwalkoid', 'snmpset',
      'snmp2_get', 'snmp2_getnext', 'snmp2_walk', 'snmp2_real_walk', 'snmp2_set',
      'snmp3_get', 'snmp3_getnext', 'snmp3_walk', 'snmp3_real_walk', 'snmp3_set'].map((name) => [name, slow('remote-io')]),
  ),
};

const downloads: Record<string, ApiEntry> = {
  readfile: slow('download'),
  fpassthru: slow('download'),
  stream_copy_to_stream: slow('download'),
  readgzfile: slow('download'),
};

/** Runs the command line at argument 0, judged by its programs (`php-commands.ts`). */
const runs: ApiEntry = { effect: 'slow', kind: 'process', commandArgument: 0 };

const processes: Record<string, ApiEntry> = {
  exec: runs,
  shell_exec: runs,
  system: runs,
  passthru: runs,
  popen: runs,
  proc_open: runs,
  // `proc_close()` waits for the process `proc_open()` started: its cost is judged there.
  pcntl_waitpid: slow('process'),
};

/**
 * Server variables every web request has, not empty: the request line (`REQUEST_METHOD`,
 * `REQUEST_URI`, `SERVER_PROTOCOL`), the client's address, the server's name for itself
 * (`SERVER_SOFTWARE`) and the Host header, which HTTP/1.1 requires and browsers always send.
 * Not here: keys that may be empty (`QUERY_STRING`), set only sometimes (`HTTPS`,
 * `HTTP_REFERER`), or set on the command line too (`SCRIPT_NAME`, `argv`), which decide nothing.
 */
const requestServerKeys = ['HTTP_HOST', 'REQUEST_METHOD', 'REQUEST_URI', 'SERVER_PROTOCOL', 'REMOTE_ADDR', 'SERVER_SOFTWARE'];
/** The CLI SAPI's stream constants: never defined in a web request. */
const commandLineConstants = ['STDIN', 'STDOUT', 'STDERR'];

/**
 * A page's own queries are short: a query is slow work only when its SQL waits on purpose
 * (`SELECT SLEEP(5)`, MySQL's `GET_LOCK('job', 30)`, PostgreSQL's `pg_sleep()` and blocking
 * advisory locks, SQL Server's `WAITFOR DELAY`). Argument lists say where the SQL may be.
 */
const waitStatements = [
  'SLEEP(', 'GET_LOCK(', 'PG_SLEEP(', 'PG_SLEEP_FOR(', 'PG_SLEEP_UNTIL(', 'PG_ADVISORY_LOCK(',
  'PG_ADVISORY_XACT_LOCK(', 'WAITFOR DELAY', 'WAITFOR TIME', 'DBMS_LOCK.SLEEP(', 'DBMS_SESSION.SLEEP(', 'SP_GETAPPLOCK',
];

function query(...statementArguments: readonly number[]): ApiEntry {
  return { effect: 'slow', kind: 'database', slowOnlyWithStatementIn: statementArguments };
}

const databases: Record<string, ApiEntry> = {
  mysqli_query: query(1),
  mysqli_real_query: query(1),
  mysqli_multi_query: query(1),
  // A prepared statement's SQL was given to `prepare()`: not seen here.
  mysqli_stmt_execute: query(),
  mysqli_execute: query(),
  mysqli_execute_query: query(1),
  mysql_query: query(0),
  mysql_unbuffered_query: query(0),
  // The connection is optional: the SQL is the first or the second argument.
  pg_query: query(0, 1),
  pg_query_params: query(0, 1),
  pg_execute: query(),
  pg_send_query: query(0, 1),
  pg_get_result: query(),
  sqlsrv_query: query(1),
  oci_execute: query(),
  mysqli_connect: { effect: 'none', returns: 'mysqli' },
  mysqli_prepare: { effect: 'none', returns: 'mysqli_stmt' },
};

const clocksAndOutput: Record<string, ApiEntry> = {
  time: { effect: 'time-check' },
  microtime: { effect: 'time-check' },
  hrtime: { effect: 'time-check', secondsPerUnit: 1e-9 },
  flush: { effect: 'output', flush: true },
  ob_flush: { effect: 'output', flush: true },
  ob_end_flush: { effect: 'output', flush: true },
  ob_implicit_flush: { effect: 'output', flush: true },
  fread: { effect: 'chunk-read' },
  fgets: { effect: 'chunk-read' },
  fgetc: { effect: 'chunk-read' },
  stream_get_line: { effect: 'chunk-read' },
  ini_alter: { effect: 'setting' },
  session_cache_limiter: { effect: 'setting', name: 'session.cache_limiter' },
  exit: { effect: 'terminate' },
  die: { effect: 'terminate' },
};

/**
 * Paths on this machine: a temp file or folder (`tempnam(sys_get_temp_dir(), 'x')`), a
 * resolved path (`realpath()` only resolves local ones), the working directory. Reading them
 * is local file I/O, not remote.
 */
/** Calls that return a failure only on an error (a blocking lock waits until it has it). */
const errorOnlyFailures: Record<string, ApiEntry> = {
  flock: { effect: 'none', failsOnlyOnError: { unlessArgumentNames: { index: 1, names: ['LOCK_NB'] } } },
};

/**
 * Calls that report the error of the call before them, and return 0, `''` or null after a
 * success: a branch that needs the error set is error handling (a deadlock retry's sleep).
 */
const lastErrorReports: Record<string, ApiEntry> = Object.fromEntries(
  [
    'mysqli_errno', 'mysqli_error', 'mysqli_connect_errno', 'mysqli_connect_error', 'mysqli_stmt_errno', 'mysqli_stmt_error',
    'mysql_errno', 'mysql_error', 'pg_last_error', 'sqlsrv_errors', 'oci_error', 'db2_stmt_error', 'odbc_error',
    'curl_errno', 'curl_error', 'curl_multi_errno', 'socket_last_error', 'ldap_errno', 'json_last_error', 'preg_last_error',
  ].map((name) => [name, { effect: 'none', reportsLastError: true }]),
);

const localPaths: Record<string, ApiEntry> = {
  tempnam: { effect: 'none', returnsLocalPath: true },
  sys_get_temp_dir: { effect: 'none', returnsLocalPath: true },
  realpath: { effect: 'none', returnsLocalPath: true },
  getcwd: { effect: 'none', returnsLocalPath: true },
  gethostname: { effect: 'none', returnsOwnHostName: true },
  sprintf: { effect: 'none', formatArgument: 0 },
  vsprintf: { effect: 'none', formatArgument: 0 },
};

/**
 * What the code says about itself: lifting or raising the time limit means the author expects
 * this request to run long (a minute or more). With the session held, every other request of
 * the user waits that long. `ignore_user_abort(true)` is not such a sign: it asks to finish
 * what was started even if the user leaves, and real code uses it to keep a write or a lock
 * directory consistent; a request that really runs long also lifts its time limit.
 */
const LONG_RUN_SECONDS = 60;
const longRuns: Record<string, ApiEntry> = {
  set_time_limit: { effect: 'none', declaresLongRun: { limitArgument: 0, minimumSeconds: LONG_RUN_SECONDS } },
  // Also a setting: `ini_set('session.use_cookies', '0')` matters for reopen-after-output.
  ini_set: {
    effect: 'setting',
    declaresLongRun: { setting: { nameArgument: 0, names: ['max_execution_time'], valueArgument: 1 }, minimumSeconds: LONG_RUN_SECONDS },
  },
};

/** Functions that take an array by reference: `array_push($_SESSION['list'], …)` writes. */
const byReference: Record<string, ApiEntry> = Object.fromEntries(
  [
    'array_push', 'array_pop', 'array_shift', 'array_unshift', 'array_splice', 'array_walk',
    'sort', 'rsort', 'usort', 'uasort', 'uksort', 'ksort', 'krsort', 'asort', 'arsort',
    'natsort', 'natcasesort', 'shuffle', 'settype', 'array_multisort',
  ].map((name) => [name, { effect: 'none', byRefArguments: [0] } as ApiEntry]),
);

/** Functions that call a callable argument before returning: its work runs here. */
const higherOrder: Record<string, readonly number[]> = {
  array_map: [0],
  array_filter: [1],
  array_walk: [1],
  array_walk_recursive: [1],
  array_reduce: [1],
  usort: [1],
  uasort: [1],
  uksort: [1],
  call_user_func: [0],
  call_user_func_array: [0],
  forward_static_call: [0],
  forward_static_call_array: [0],
  preg_replace_callback: [1],
  iterator_apply: [1],
};

/** Of those, the ones that pass the callable the arguments written after it. */
const forwarding = new Set(['call_user_func', 'forward_static_call']);

function withInvokes(entries: Record<string, ApiEntry>): Record<string, ApiEntry> {
  const result: Record<string, ApiEntry> = { ...entries };
  for (const [name, indices] of Object.entries(higherOrder)) {
    result[name] = { ...(result[name] ?? { effect: 'none' }), invokesArguments: indices, ...(forwarding.has(name) ? { forwardsArguments: true } : {}) };
  }
  return result;
}

const pdoQuery = query(0);

/**
 * A session store of the project's own (`session_set_save_handler()`): PHP calls its `open`
 * and `read` when the session starts, so a lock taken there (a file lock, a database or
 * Redis lock, a semaphore) serialises the user's requests as PHP's file store does.
 */
const sessionStore: SessionStoreCatalog = {
  resource: 'php-session-store',
  handlerMethods: ['open', 'read'],
  // session_set_save_handler($open, $close, $read, $write, $destroy, $gc, …)
  handlerCallables: [0, 2],
  lockFunctions: ['flock', 'sem_acquire'],
  lockMethods: ['setnx', 'acquire'],
  lockFlags: { set: 'nx' },
  lockStatements: ['GET_LOCK(', 'FOR UPDATE', 'pg_advisory_lock(', 'pg_advisory_xact_lock(', 'sp_getapplock'],
};

/** Native PHP plus the always-on library catalog (Guzzle, Symfony HttpClient, mailers, AWS, Redis). */
export const phpNativeCatalog: Catalog = mergeCatalogs({
  sessionVariable: '_SESSION',
  sessionResource: SESSION,
  sessionStore,
  // Uploads: PHP has stored them in a local temp file before the script runs.
  localPathVariables: ['_FILES'],
  commands: phpCommands,
  requestServerKeys,
  commandLineConstants,
  builtinFunctions: [...PHP_BUILTIN_FUNCTIONS],
  builtinExtensions: PHP_BUILTIN_EXTENSIONS,
  waitStatements,
  // cURL options, and the `timeout` keys of stream contexts and HTTP clients (Guzzle).
  timeoutOptions: {
    CURLOPT_TIMEOUT: { secondsPerUnit: 1 },
    CURLOPT_TIMEOUT_MS: { secondsPerUnit: 0.001 },
    CURLOPT_CONNECTTIMEOUT: { secondsPerUnit: 1, connectOnly: true },
    CURLOPT_CONNECTTIMEOUT_MS: { secondsPerUnit: 0.001, connectOnly: true },
    timeout: { secondsPerUnit: 1 },
    connect_timeout: { secondsPerUnit: 1, connectOnly: true },
  },
  requestVariables: ['_GET', '_POST', '_REQUEST', '_COOKIE'],
  configurationVariables: ['_SERVER', '_ENV', 'GLOBALS'],
  functions: withInvokes({
    ...byReference,
    ...session,
    ...sleeps,
    ...remote,
    ...downloads,
    ...processes,
    ...databases,
    ...clocksAndOutput,
    ...localPaths,
    ...errorOnlyFailures,
    ...lastErrorReports,
    ...longRuns,
    preg_match: { effect: 'none', byRefArguments: [2] },
    preg_match_all: { effect: 'none', byRefArguments: [2] },
    parse_str: { effect: 'none', byRefArguments: [1] },
  }),
  methods: {
    pdo: {
      query: pdoQuery,
      exec: pdoQuery,
      prepare: { effect: 'none', returns: 'pdostatement' },
    },
    pdostatement: { execute: query() },
    mysqli: {
      query: pdoQuery,
      real_query: pdoQuery,
      multi_query: pdoQuery,
      execute_query: pdoQuery,
      prepare: { effect: 'none', returns: 'mysqli_stmt' },
    },
    mysqli_stmt: { execute: query() },
    // Every SOAP call is a remote request; the constructor's WSDL fetch is usually cached.
    soapclient: { '*': slow('http'), __construct: { effect: 'none' } },
    // PHP's SNMP class: each query is a request to the device; building the object sends nothing.
    snmp: { get: slow('remote-io'), getnext: slow('remote-io'), walk: slow('remote-io'), set: slow('remote-io') },
  },
}, phpLibrariesCatalog);
