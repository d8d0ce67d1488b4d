import { closeDestroy, closeWrite, each, http, lazyOpen, mail, none, open, returns, use, write } from './entries';
import type { FrameworkPreset } from './preset';

const SESSION = 'cake\\http\\session';
const REQUEST = 'cake\\http\\serverrequest';

/**
 * CakePHP (3.x/4.x/5.x): `Cake\Http\Session` wraps PHP's native session and starts it lazily:
 * `read()`, `check()`, `consume()` start it when the request carries a session cookie, and
 * `write()`/`delete()` always do. `close()` is `session_write_close()`; the next access
 * starts it again. Locking depends on the handler (the default `php` one uses files: locks).
 *
 * Reached through `$request->getSession()`. `$this->request` in a controller is a property
 * of Cake's own `Controller` class, which the analysis cannot type (library property types
 * are not in the catalog); a typed `ServerRequest $request` (middleware, commands, services)
 * and a `$session` variable assigned from it are modelled.
 */
export const cakephp: FrameworkPreset = {
  id: 'cakephp',
  name: 'CakePHP',
  locks: true,
  detect: {
    composer: ['cakephp/cakephp'],
    files: ['bin/cake.php'],
  },
  catalog: {
    methods: {
      [REQUEST]: { getsession: returns(SESSION) },
      'cake\\controller\\controller': { getrequest: returns(REQUEST) },
      [SESSION]: {
        start: open,
        ...each(['read', 'readorfail', 'check', 'consume', 'write', 'delete'], lazyOpen),
        close: closeWrite,
        destroy: closeDestroy,
        renew: use,
        clear: write,
        ...each(['started', 'id'], none),
      },
      'cake\\http\\client': each(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'send', 'sendrequest'], http),
      'cake\\mailer\\mailer': { send: mail, deliver: mail },
      'cake\\mailer\\email': { send: mail },
    },
  },
};
