import { SESSION as PHP_SESSION, closeWrite, each, http, mail, none, open, returns, use, write } from './entries';
import type { FrameworkPreset } from './preset';

const SESSION = 'ocp\\isession';
const CLIENT = 'ocp\\http\\client\\iclient';
const PROMISE = 'ocp\\http\\client\\ipromise';
const CONTROLLER = 'ocp\\appframework\\controller';
const SERVER = 'oc\\server';

/**
 * Nextcloud and ownCloud: `OCP\ISession` wraps PHP's native session (locks with the default
 * handler). The server starts it early; `SessionMiddleware::beforeController` closes it
 * unless the controller method has `#[UseSession]` (formerly `@UseSession`), in which case
 * it is reopened and closed after the controller. `close()` releases; `reopen()` starts it
 * again (Nextcloud). Writing after the close throws `SessionNotAvailableException`, so
 * `set()`, `remove()`, `clear()` are writes.
 *
 * `lib/base.php` runs `OC::initSession()` for every request: a script that requires it (an
 * ownCloud app's `ajax/*.php`) runs with the session open from that `require` on. A controller
 * action runs with it open only when it has `#[UseSession]` (or the older `@UseSession`
 * docblock annotation); the others start with it closed.
 */
export const nextcloud: FrameworkPreset = {
  id: 'nextcloud',
  name: 'Nextcloud / ownCloud',
  locks: true,
  detect: {
    composer: ['nextcloud/ocp', 'christophwurst/nextcloud'],
    files: ['occ', 'appinfo/info.xml'],
    extends: [CONTROLLER, 'ocp\\appframework\\apicontroller', 'ocp\\appframework\\ocscontroller', 'ocp\\appframework\\publicsharecontroller', 'ocp\\appframework\\authpublicsharecontroller'],
  },
  controllers: {
    baseClasses: [CONTROLLER],
    // The middleware closes the session after the controller is built: constructors carry nothing.
    setupMethods: [],
    openWithAnnotation: {
      names: ['ocp\\appframework\\http\\attribute\\usesession', '@usesession'],
      label: 'session kept open for this action by `UseSession`: `OC::initSession()` (lib/base.php) started it and `SessionMiddleware` does not close it before the action',
    },
  },
  catalog: {
    // Scripts reach the server's services through the static `\OC::$server`.
    properties: { oc: { $server: SERVER } },
    bootstrapIncludes: [
      {
        pathEndsWith: 'lib/base.php',
        resource: PHP_SESSION,
        label: '`lib/base.php` runs `OC::initSession()`, which starts the session and keeps it locked until the script closes it',
      },
    ],
    methods: {
      [SESSION]: {
        close: closeWrite,
        reopen: open,
        regenerateid: use,
        ...each(['set', 'remove', 'clear'], write),
        ...each(['get', 'exists', 'getid'], none),
      },
      'ocp\\http\\client\\iclientservice': { newclient: returns(CLIENT) },
      [CLIENT]: {
        ...each(['get', 'post', 'put', 'patch', 'delete', 'head', 'options'], http),
        ...each(['getasync', 'postasync', 'putasync', 'patchasync', 'deleteasync', 'headasync', 'optionsasync'], returns(PROMISE)),
      },
      [PROMISE]: { wait: http, then: returns(PROMISE) },
      'ocp\\mail\\imailer': { send: mail },
      [SERVER]: {
        getsession: returns(SESSION),
        gethttpclientservice: returns('ocp\\http\\client\\iclientservice'),
        getmailer: returns('ocp\\mail\\imailer'),
      },
    },
    classParents: {
      'ocp\\appframework\\apicontroller': CONTROLLER,
      'ocp\\appframework\\ocscontroller': 'ocp\\appframework\\apicontroller',
      'ocp\\appframework\\publicsharecontroller': CONTROLLER,
      'ocp\\appframework\\authpublicsharecontroller': 'ocp\\appframework\\publicsharecontroller',
      'oc\\session\\session': SESSION,
      'oc\\session\\internal': 'oc\\session\\session',
      'oc\\session\\cryptosessiondata': 'oc\\session\\session',
      'oc\\http\\client\\client': CLIENT,
      'oc\\http\\client\\clientservice': 'ocp\\http\\client\\iclientservice',
      'oc\\mail\\mailer': 'ocp\\mail\\imailer',
    },
  },
};
