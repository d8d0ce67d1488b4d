import { closeWrite, each, http, mail, none, open, returns, use, write } from './entries';
import type { FrameworkPreset } from './preset';

const SESSION = 'ocp\\isession';
const CLIENT = 'ocp\\http\\client\\iclient';
const PROMISE = 'ocp\\http\\client\\ipromise';

/**
 * Nextcloud and ownCloud: `OCP\ISession` wraps PHP's native session (locks with the default
 * handler). The server starts it early; `SessionMiddleware::beforeController` closes it
 * unless the controller method has `#[UseSession]` (formerly `@UseSession`), in which case
 * it is reopened and closed after the controller. `close()` releases; `reopen()` starts it
 * again (Nextcloud). Writing after the close throws `SessionNotAvailableException`, so
 * `set()`, `remove()`, `clear()` are writes.
 *
 * Not modelled: `#[UseSession]` (an attribute, not a file glob, decides that a method runs
 * with the session open); controller methods start with the session closed, which is right
 * for every method without it.
 */
export const nextcloud: FrameworkPreset = {
  id: 'nextcloud',
  name: 'Nextcloud / ownCloud',
  locks: true,
  detect: {
    composer: ['nextcloud/ocp', 'christophwurst/nextcloud'],
    files: ['occ', 'appinfo/info.xml'],
  },
  catalog: {
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
    },
    classParents: {
      'oc\\session\\session': SESSION,
      'oc\\session\\internal': 'oc\\session\\session',
      'oc\\session\\cryptosessiondata': 'oc\\session\\session',
      'oc\\http\\client\\client': CLIENT,
      'oc\\http\\client\\clientservice': 'ocp\\http\\client\\iclientservice',
      'oc\\mail\\mailer': 'ocp\\mail\\imailer',
    },
  },
};
