import type { ApiEntry } from '../../../core/src';
import type { CatalogLayer } from './merge';

/**
 * Composer libraries that do slow work, whatever the framework: HTTP clients, mailers, the
 * AWS SDK, second-factor vendors' clients, blocking Redis commands. Always on (merged into the native catalog): a class name
 * such as `guzzlehttp\client` only matches code that uses that library.
 *
 * Method entries match only when the analysis knows the receiver's class (`new X`, a typed
 * parameter or property, `@var`, or the `returns` of a call it knows), so a `get()` on a
 * session or a collection is never taken for Guzzle's `get()`.
 */
const http: ApiEntry = { effect: 'slow', kind: 'http' };
const mail: ApiEntry = { effect: 'slow', kind: 'mail' };
const none: ApiEntry = { effect: 'none' };
const returns = (className: string): ApiEntry => ({ effect: 'none', returns: className });

const GUZZLE_PROMISE = 'guzzlehttp\\promise\\promiseinterface';
const SYMFONY_HTTP_CLIENT = 'symfony\\contracts\\httpclient\\httpclientinterface';
const SYMFONY_RESPONSE = 'symfony\\contracts\\httpclient\\responseinterface';
const AWS_CLIENT = 'aws\\awsclient';

/** A Guzzle request: its `timeout` option is in its options array, or set on the client. */
const guzzleRequest = (options: number): ApiEntry => ({ effect: 'slow', kind: 'http', timeoutFrom: { handle: 'receiver', options } });

/** Guzzle 6/7: the request methods send and wait; the `*Async` ones only return a promise. */
const guzzleClient: Record<string, ApiEntry> = {
  request: guzzleRequest(2),
  send: guzzleRequest(1),
  sendrequest: guzzleRequest(1),
  get: guzzleRequest(1),
  post: guzzleRequest(1),
  put: guzzleRequest(1),
  patch: guzzleRequest(1),
  delete: guzzleRequest(1),
  head: guzzleRequest(1),
  options: guzzleRequest(1),
  requestasync: returns(GUZZLE_PROMISE),
  sendasync: returns(GUZZLE_PROMISE),
  getasync: returns(GUZZLE_PROMISE),
  postasync: returns(GUZZLE_PROMISE),
  putasync: returns(GUZZLE_PROMISE),
  patchasync: returns(GUZZLE_PROMISE),
  deleteasync: returns(GUZZLE_PROMISE),
  headasync: returns(GUZZLE_PROMISE),
  optionsasync: returns(GUZZLE_PROMISE),
  getconfig: none,
};

/** A promise: `wait()` blocks until the transfer is done; chaining does not. */
const guzzlePromise: Record<string, ApiEntry> = {
  wait: http,
  then: returns(GUZZLE_PROMISE),
  otherwise: returns(GUZZLE_PROMISE),
  getstate: none,
  resolve: none,
  reject: none,
  cancel: none,
};

/**
 * Symfony HttpClient: `request()` returns at once (responses are lazy); reading the status,
 * headers or body waits for the network. `stream()` is iterated where it is called.
 */
const symfonyHttpClient: Record<string, ApiEntry> = {
  request: returns(SYMFONY_RESPONSE),
  stream: http,
  withoptions: returns(SYMFONY_HTTP_CLIENT),
};

const symfonyResponse: Record<string, ApiEntry> = {
  getstatuscode: http,
  getheaders: http,
  getcontent: http,
  toarray: http,
  cancel: none,
  getinfo: none,
};

/**
 * The AWS SDK for PHP: every operation (`putObject()`, `sendMessage()`, …) is a `__call` that
 * sends a request and waits. The `*Async` variants return promises; the common ones are
 * listed, the rest fall under `*`. Local helpers (presigning, URLs, commands) are not slow.
 * `getPaginator()`/`getIterator()` create lazy iterators that are iterated right where they
 * are created, so the call is where the requests are reported.
 */
const awsClient: Record<string, ApiEntry> = {
  '*': http,
  getcommand: none,
  getapi: none,
  getconfig: none,
  getcredentials: none,
  getregion: none,
  getendpoint: none,
  gethandlerlist: none,
  getsignatureprovider: none,
  getobjecturl: none,
  createpresignedrequest: none,
  registerstreamwrapper: none,
  registerstreamwrapperv2: none,
  getwaiter: none,
  executeasync: returns(GUZZLE_PROMISE),
  uploadasync: returns(GUZZLE_PROMISE),
  copyasync: returns(GUZZLE_PROMISE),
  putobjectasync: returns(GUZZLE_PROMISE),
  getobjectasync: returns(GUZZLE_PROMISE),
  headobjectasync: returns(GUZZLE_PROMISE),
  deleteobjectasync: returns(GUZZLE_PROMISE),
  copyobjectasync: returns(GUZZLE_PROMISE),
  sendmessageasync: returns(GUZZLE_PROMISE),
  receivemessageasync: returns(GUZZLE_PROMISE),
  publishasync: returns(GUZZLE_PROMISE),
  sendemailasync: returns(GUZZLE_PROMISE),
  invokeasync: returns(GUZZLE_PROMISE),
  getitemasync: returns(GUZZLE_PROMISE),
  putitemasync: returns(GUZZLE_PROMISE),
  queryasync: returns(GUZZLE_PROMISE),
  getsecretvalueasync: returns(GUZZLE_PROMISE),
};

/** Common service clients; each extends `Aws\AwsClient`. */
const awsServices = [
  's3\\s3client', 's3\\s3multiregionclient', 'sqs\\sqsclient', 'sns\\snsclient', 'ses\\sesclient',
  'sesv2\\sesv2client', 'dynamodb\\dynamodbclient', 'lambda\\lambdaclient', 'cloudwatch\\cloudwatchclient',
  'cloudwatchlogs\\cloudwatchlogsclient', 'secretsmanager\\secretsmanagerclient', 'ssm\\ssmclient',
  'kms\\kmsclient', 'sts\\stsclient', 'cognitoidentityprovider\\cognitoidentityproviderclient',
  'rekognition\\rekognitionclient', 'textract\\textractclient', 'translate\\translateclient',
  'polly\\pollyclient', 'eventbridge\\eventbridgeclient', 'firehose\\firehoseclient',
  'kinesis\\kinesisclient', 'ec2\\ec2client', 'cloudfront\\cloudfrontclient', 'sfn\\sfnclient',
  'athena\\athenaclient', 'bedrockruntime\\bedrockruntimeclient',
];

/** `Aws\Sdk::createS3()` and friends. */
const awsSdk: Record<string, ApiEntry> = {
  creates3: returns('aws\\s3\\s3client'),
  createsqs: returns('aws\\sqs\\sqsclient'),
  createsns: returns('aws\\sns\\snsclient'),
  createses: returns('aws\\ses\\sesclient'),
  createsesv2: returns('aws\\sesv2\\sesv2client'),
  createdynamodb: returns('aws\\dynamodb\\dynamodbclient'),
  createlambda: returns('aws\\lambda\\lambdaclient'),
  createsecretsmanager: returns('aws\\secretsmanager\\secretsmanagerclient'),
  createclient: returns(AWS_CLIENT),
};

/**
 * Redis commands that block the connection until data arrives or a timeout passes (blocking
 * pops, pub/sub, WAIT). `XREAD`/`XREADGROUP` block only with a BLOCK option, which is an
 * argument: not listed.
 */
const redisBlocking: Record<string, ApiEntry> = Object.fromEntries(
  ['blpop', 'brpop', 'brpoplpush', 'blmove', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop', 'subscribe', 'psubscribe', 'ssubscribe', 'wait', 'waitaof'].map(
    (name) => [name, { effect: 'slow', kind: 'remote-io' } as ApiEntry],
  ),
);

const SYMFONY_CONTAINER = 'symfony\\component\\dependencyinjection\\containerinterface';
const PSR_CONTAINER = 'psr\\container\\containerinterface';
const SYMFONY_CONTROLLER = 'symfony\\bundle\\frameworkbundle\\controller\\controller';
const containerGet: Record<string, ApiEntry> = { get: { effect: 'none', servicesById: 0 } };

export const phpLibrariesCatalog: CatalogLayer = {
  methods: {
    // Guzzle (guzzlehttp/guzzle, guzzlehttp/promises) and PSR-18 clients.
    'guzzlehttp\\clientinterface': guzzleClient,
    // `new Client(['timeout' => 5])`: the default timeout of every request it sends.
    'guzzlehttp\\client': { __construct: { effect: 'none', setsTimeouts: { options: 0 } } },
    'psr\\http\\client\\clientinterface': { sendrequest: http },
    [GUZZLE_PROMISE]: guzzlePromise,
    'guzzlehttp\\promise\\utils': {
      unwrap: http,
      inspect: http,
      inspectall: http,
      all: returns(GUZZLE_PROMISE),
      some: returns(GUZZLE_PROMISE),
      any: returns(GUZZLE_PROMISE),
      settle: returns(GUZZLE_PROMISE),
    },
    'guzzlehttp\\pool': { batch: http, promise: returns(GUZZLE_PROMISE) },

    // Symfony HttpClient (symfony/http-client, symfony/http-client-contracts).
    [SYMFONY_HTTP_CLIENT]: symfonyHttpClient,
    [SYMFONY_RESPONSE]: symfonyResponse,
    'symfony\\component\\httpclient\\httpclient': { create: returns(SYMFONY_HTTP_CLIENT), createforbaseuri: returns(SYMFONY_HTTP_CLIENT) },

    // Mailers. Symfony Mailer with a message bus only dispatches (asynchronous transport);
    // the catalog cannot see the configuration and takes `send()` as sending.
    'phpmailer\\phpmailer\\phpmailer': { send: mail, postsend: mail, smtpconnect: mail },
    phpmailer: { send: mail, postsend: mail, smtpconnect: mail },
    'symfony\\component\\mailer\\mailerinterface': { send: mail },
    'symfony\\component\\mailer\\transport\\transportinterface': { send: mail },
    'symfony\\component\\mailer\\transport': { fromdsn: returns('symfony\\component\\mailer\\transport\\transportinterface') },
    swift_mailer: { send: mail },
    'laminas\\mail\\transport\\transportinterface': { send: mail },

    // Second-factor vendors: enygma/yubikey asks YubiCloud's validation servers; Duo Universal
    // (duosecurity/duo_universal_php) calls Duo's API for a health check and the code exchange
    // (building the redirect URL and the state are local).
    'yubikey\\validate': { check: http },
    'duo\\duouniversal\\client': { healthcheck: http, exchangeauthorizationcodefor2faresult: http },

    // AWS SDK for PHP (aws/aws-sdk-php).
    [AWS_CLIENT]: awsClient,
    'aws\\awsclientinterface': awsClient,
    'aws\\sdk': awsSdk,

    // Redis: phpredis, Relay, Predis.
    redis: redisBlocking,
    rediscluster: redisBlocking,
    'relay\\relay': redisBlocking,
    'predis\\clientinterface': redisBlocking,

    // Dependency-injection containers: `get('id')` hands out the service the project's
    // definitions give that id (`../services/`), built on the first call.
    [SYMFONY_CONTAINER]: containerGet,
    [PSR_CONTAINER]: containerGet,
    // Symfony 2–4's base controller: `$this->get('mailer')` is `$this->container->get('mailer')`.
    [SYMFONY_CONTROLLER]: containerGet,
  },
  // `ContainerAwareTrait` (used by the project's controllers and services) keeps the container.
  properties: {
    'symfony\\component\\dependencyinjection\\containerawaretrait': { container: SYMFONY_CONTAINER },
    [SYMFONY_CONTROLLER]: { container: SYMFONY_CONTAINER },
  },
  classParents: {
    'guzzlehttp\\client': 'guzzlehttp\\clientinterface',
    'guzzlehttp\\promise\\promise': GUZZLE_PROMISE,
    'guzzlehttp\\promise\\fulfilledpromise': GUZZLE_PROMISE,
    'guzzlehttp\\promise\\rejectedpromise': GUZZLE_PROMISE,
    'guzzlehttp\\promise\\coroutine': GUZZLE_PROMISE,
    ...Object.fromEntries(
      ['curlhttpclient', 'nativehttpclient', 'amphttpclient', 'scopinghttpclient', 'retryablehttpclient', 'traceablehttpclient',
        'eventsourcehttpclient', 'cachinghttpclient', 'throttlinghttpclient', 'uritemplatehttpclient', 'noprivatenetworkhttpclient',
      ].map((name) => [`symfony\\component\\httpclient\\${name}`, SYMFONY_HTTP_CLIENT]),
    ),
    ...Object.fromEntries(
      ['curlresponse', 'nativeresponse', 'ampresponse', 'asyncresponse', 'traceableresponse'].map((name) => [
        `symfony\\component\\httpclient\\response\\${name}`,
        SYMFONY_RESPONSE,
      ]),
    ),
    'symfony\\component\\httpclient\\psr18client': 'psr\\http\\client\\clientinterface',
    'symfony\\component\\mailer\\mailer': 'symfony\\component\\mailer\\mailerinterface',
    'laminas\\mail\\transport\\smtp': 'laminas\\mail\\transport\\transportinterface',
    'laminas\\mail\\transport\\sendmail': 'laminas\\mail\\transport\\transportinterface',
    ...Object.fromEntries(awsServices.map((name) => [`aws\\${name}`, AWS_CLIENT])),
    'aws\\s3\\s3clientinterface': 'aws\\awsclientinterface',
    'predis\\client': 'predis\\clientinterface',
    'symfony\\component\\dependencyinjection\\containerbuilder': 'symfony\\component\\dependencyinjection\\container',
    'symfony\\component\\dependencyinjection\\container': SYMFONY_CONTAINER,
    'symfony\\component\\dependencyinjection\\taggedcontainerinterface': SYMFONY_CONTAINER,
    [SYMFONY_CONTAINER]: PSR_CONTAINER,
  },
};
