import { closeDestroy, closeWrite, each, http, lazyOpen, lazyOpenWrite, mail, none, open, returns, use, write } from './entries';
import type { FrameworkPreset } from './preset';

const SESSION = 'cake\\http\\session';
const REQUEST = 'cake\\http\\serverrequest';
const CAKE2_COMPONENT = 'sessioncomponent';

/** CakePHP 2's `SessionComponent` and `CakeSession`: every access starts the session. */
const cake2Session = {
  start: open,
  ...each(['read', 'check'], lazyOpen),
  // `consume()` reads and deletes a key.
  ...each(['consume', 'write', 'delete', 'setflash'], lazyOpenWrite),
  destroy: closeDestroy,
  renew: use,
  ...each(['started', 'id', 'valid', 'error'], none),
};

/**
 * CakePHP (3.x/4.x/5.x): `Cake\Http\Session` wraps PHP's native session and starts it lazily:
 * `read()`, `check()`, `consume()` start it when the request carries a session cookie, and
 * `write()`/`delete()` always do. `close()` is `session_write_close()`; the next access
 * starts it again. Locking depends on the handler (the default `php` one uses files: locks).
 *
 * Reached through `$this->request->getSession()` and `$this->getRequest()->getSession()` in a
 * controller (the catalog types Cake's `Controller::$request`), `session()` (3.x), a typed
 * `ServerRequest $request` (middleware, services) and a `$session` variable assigned from it.
 * Started on first access, the session stays open to the end of the request unless closed: a
 * session started in a controller's `initialize()` or `beforeFilter()` is open in every action.
 *
 * CakePHP 2: `$this->Session` (the Session component of every controller, over `CakeSession`)
 * and `CakeSession::read()`/`write()`/… start it the same way.
 */
export const cakephp: FrameworkPreset = {
  id: 'cakephp',
  name: 'CakePHP',
  locks: true,
  detect: {
    composer: ['cakephp/cakephp'],
    files: ['bin/cake.php', 'lib/Cake/Core/App.php', 'app/Config/core.php', 'Config/core.php'],
    extends: ['cake\\controller\\controller', 'cake\\controller\\component'],
  },
  // `initialize()` (from the constructor) and `beforeFilter()` run before every action: a session
  // they start (`$this->request->getSession()->read()`) is open in the action.
  controllers: {
    baseClasses: ['cake\\controller\\controller', 'controller'],
    setupMethods: ['__construct', 'initialize', 'beforefilter'],
    // An action whose session `beforeFilter()` or a middleware started closes the request's
    // (CakePHP 3+; CakePHP 2's `Controller` has no such close).
    sessionClose: { 'cake\\controller\\controller': '$this->request->getSession()->close()' },
    // The application's middleware queue wraps every action (`Application::middleware()`): a
    // middleware that reads the session (`$request->getSession()->read()`) keeps it open there.
    middleware: {
      interfaces: ['psr\\http\\server\\middlewareinterface'],
      methods: ['process'],
    },
  },
  catalog: {
    properties: {
      'cake\\controller\\controller': { request: REQUEST },
      // CakePHP 2 (no namespaces): `AppController extends Controller`.
      controller: { Session: CAKE2_COMPONENT, request: 'cakerequest' },
    },
    methods: {
      [REQUEST]: { getsession: returns(SESSION), session: returns(SESSION) },
      [CAKE2_COMPONENT]: cake2Session,
      cakesession: cake2Session,
      'cake\\controller\\controller': { getrequest: returns(REQUEST) },
      // A component reaches the request through its controller.
      'cake\\controller\\component': { getcontroller: returns('cake\\controller\\controller') },
      [SESSION]: {
        start: open,
        ...each(['read', 'readorfail', 'check'], lazyOpen),
        ...each(['consume', 'write', 'delete'], lazyOpenWrite),
        close: closeWrite,
        destroy: closeDestroy,
        renew: use,
        clear: write,
        ...each(['started', 'id'], none),
      },
      'cake\\http\\client': each(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'send', 'sendrequest'], http),
      'cake\\mailer\\mailer': {
        send: mail,
        deliver: mail,
        // Fluent setters proxied to the message: they return the mailer.
        ...each(
          ['setfrom', 'setto', 'setcc', 'setbcc', 'setreplyto', 'setsender', 'setsubject', 'setemailformat', 'setviewvars',
            'setattachments', 'addattachments', 'settransport', 'setprofile', 'addto', 'addcc', 'addbcc', 'setheaders', 'addheaders'],
          returns('cake\\mailer\\mailer'),
        ),
      },
      'cake\\mailer\\email': { send: mail },
    },
  },
};
