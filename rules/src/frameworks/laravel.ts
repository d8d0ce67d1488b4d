import type { ApiEntry } from '../../../core/src';
import { each, http, mail, none, returns } from './entries';
import type { FrameworkPreset } from './preset';

const PENDING_REQUEST = 'illuminate\\http\\client\\pendingrequest';
const PENDING_MAIL = 'illuminate\\mail\\pendingmail';
const MAILER = 'illuminate\\contracts\\mail\\mailer';
const ROUTE = 'illuminate\\support\\facades\\route';
const REGISTRAR = 'illuminate\\routing\\routeregistrar';

/** `Route::post('/x', [C::class, 'm'])`: registers the action (argument 1) for a path. */
const routeRegistration: ApiEntry = { effect: 'none', registersCallback: { hook: 0, callback: 1, route: true } };
const routeRegistrations: Record<string, ApiEntry> = {
  ...each(['get', 'post', 'put', 'patch', 'delete', 'options', 'any'], routeRegistration),
  match: { effect: 'none', registersCallback: { hook: 1, callback: 2, route: true } },
};
/** `Route::middleware('auth')->post(…)`: attributes for the routes registered on the result. */
const registrars = each(['middleware', 'prefix', 'name', 'domain', 'as', 'where', 'withoutmiddleware', 'scopebindings'], returns(REGISTRAR));

/** Methods that send the request and wait for the response. */
const sends = each(['get', 'post', 'put', 'patch', 'delete', 'head', 'send', 'pool'], http);

/** Methods that configure a pending request and return it (nothing is sent yet). */
const configures: Record<string, ApiEntry> = each(
  [
    'withheaders', 'withheader', 'withtoken', 'withbasicauth', 'withdigestauth', 'withoptions', 'withbody',
    'withqueryparameters', 'withurlparameters', 'withuseragent', 'withcookies', 'withmiddleware',
    'withrequestmiddleware', 'withresponsemiddleware', 'withoutverifying', 'withoutredirecting', 'timeout',
    'connecttimeout', 'retry', 'baseurl', 'acceptjson', 'accept', 'asjson', 'asform', 'asmultipart', 'attach',
    'bodyformat', 'contenttype', 'throw', 'throwif', 'throwunless', 'sink', 'replaceheaders',
  ],
  returns(PENDING_REQUEST),
);

const mailSends = each(['send', 'sendnow', 'raw', 'html', 'plain'], mail);
/** Queued mail is sent by a worker, not by this request. */
const mailQueues = each(['queue', 'later', 'queueon', 'lateron'], none);

/**
 * Laravel's session is its own store (`Illuminate\Session\Store`), loaded and saved by the
 * `StartSession` middleware; it does not use PHP's native session and does not lock by
 * default: requests of the same session run concurrently. So `session()`, `$request->session()`
 * and the `Session` facade are left out of the lock model (no open, no close).
 *
 * Except on routes with `->block($lockSeconds, $waitSeconds)`, or every route when
 * `config/session.php` sets `'block' => true`: `StartSession` takes an atomic cache lock on the
 * session before the action and releases it after the response, so the action (a controller
 * method, `[C::class, 'm']` or `'C@m'`, or a closure) holds it for its whole body, with no
 * API to release it early. Those actions are entry units with the session open at `->block()`.
 * (`'block' => env('SESSION_BLOCK', …)` is not a literal: not read.)
 *
 * What the preset adds is slow work that matters when something else holds a lock (native
 * sessions in legacy code, a blocking route): the HTTP client and mail.
 */
export const laravel: FrameworkPreset = {
  id: 'laravel',
  name: 'Laravel',
  locks: false,
  detect: {
    composer: ['laravel/framework', 'illuminate/support'],
    files: ['artisan'],
    extends: ['illuminate\\routing\\controller'],
  },
  routes: {
    lockingModifiers: ['block'],
    label: 'session locked here: `->block()` makes Laravel take the session lock before this route\'s action and keep it until the response is sent',
    lockAllWithSetting: {
      files: ['config/session.php'],
      key: "return['block']",
      value: true,
      label: 'session locked here: `\'block\' => true` makes Laravel lock the session for every route until the response is sent',
    },
  },
  catalog: {
    methods: {
      [ROUTE]: { ...routeRegistrations, ...registrars },
      [REGISTRAR]: { ...routeRegistrations, ...registrars },
      'illuminate\\support\\facades\\http': { ...sends, ...configures },
      'illuminate\\http\\client\\factory': { ...sends, ...configures },
      [PENDING_REQUEST]: { ...sends, ...configures },
      'illuminate\\support\\facades\\mail': {
        ...mailSends,
        ...mailQueues,
        ...each(['to', 'cc', 'bcc'], returns(PENDING_MAIL)),
        mailer: returns(MAILER),
        driver: returns(MAILER),
      },
      [PENDING_MAIL]: {
        ...each(['send', 'sendnow'], mail),
        ...mailQueues,
        ...each(['to', 'cc', 'bcc', 'locale'], returns(PENDING_MAIL)),
      },
      [MAILER]: { ...mailSends, ...each(['to', 'bcc'], returns(PENDING_MAIL)) },
    },
    classParents: {
      // The global aliases of config/app.php (`\Http::get()`, `\Mail::send()`).
      http: 'illuminate\\support\\facades\\http',
      mail: 'illuminate\\support\\facades\\mail',
      route: ROUTE,
      'illuminate\\mail\\mailer': MAILER,
    },
  },
};
