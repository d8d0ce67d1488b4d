import { closeDestroy, closeWrite, each, http, lazyOpen, mail, none, open, returns, use, write } from './entries';
import type { FrameworkPreset } from './preset';

const CI4_SESSION = 'codeigniter\\session\\session';
const CI4_SESSION_INTERFACE = 'codeigniter\\session\\sessioninterface';
const CURL_REQUEST = 'codeigniter\\http\\curlrequest';
const CI3_LOADER = 'ci_loader';
/** CI3 properties: the loader, and libraries once loaded (`$this->load->library('email')` → `$this->email`). */
const CI3_LIBRARIES = { load: CI3_LOADER, session: 'ci_session', email: 'ci_email' };

/** CI4: what `service('session')` / `session()` return is already started. */
const ci4Writes = each(
  ['set', 'remove', 'push', 'setflashdata', 'settempdata', 'markasflashdata', 'markastempdata', 'keepflashdata',
    'removetempdata', 'unmarkflashdata', 'unmarktempdata', '__set', '__unset'],
  write,
);

const ci3Writes = each(
  ['set_userdata', 'unset_userdata', 'set_flashdata', 'set_tempdata', 'mark_as_flash', 'mark_as_temp', 'keep_flashdata',
    'unset_tempdata', 'unmark_flash', 'unmark_temp'],
  write,
);

/** `Config\Services::session()` constructs the shared session and starts it. */
const services = {
  session: returns(CI4_SESSION, lazyOpen),
  curlrequest: returns(CURL_REQUEST),
  email: returns('codeigniter\\email\\email'),
};

/**
 * CodeIgniter 3 and 4 use PHP's native session with their own handlers, and every driver
 * locks (files, database, Redis, Memcached).
 *
 * CI4: `session()` and `Config\Services::session()` start the session; `$session->close()`
 * (4.4+) or `session_write_close()` releases it; `destroy()` destroys it. Writes through the
 * library after a close are lost, so `set()`, `setFlashdata()`, … are writes.
 *
 * CI3: the session library starts the session when it is loaded: `$this->load->library('session')`
 * (an open only for that argument), or autoloaded for every controller by
 * `$autoload['libraries']` in `application/config/autoload.php` (read from the project root):
 * then every action runs with it open. Release it with `session_write_close()` (native).
 *
 * Both: a controller whose constructor (or CI4's `initController()`) starts the session, as
 * `$this->session = \Config\Services::session()` does, hands it open to every action; the
 * property keeps the session's type, so `$this->session->get()` and `->close()` are known.
 */
export const codeigniter: FrameworkPreset = {
  id: 'codeigniter',
  name: 'CodeIgniter',
  locks: true,
  detect: {
    composer: ['codeigniter4/framework', 'codeigniter4/codeigniter4', 'codeigniter/framework'],
    files: ['spark', 'system/CodeIgniter.php', 'system/core/CodeIgniter.php', 'application/config/autoload.php'],
    extends: ['ci_controller', 'ci_model', 'codeigniter\\controller', 'codeigniter\\restful\\resourcecontroller'],
  },
  // `Session::close()` is new in CodeIgniter 4.4; before it, the user guide closes with PHP's
  // `session_write_close()`, which is all `close()` does.
  closeSince: { packages: ['codeigniter4/framework', 'codeigniter4/codeigniter4'], version: '4.4.0', fallback: 'session_write_close()' },
  controllers: {
    baseClasses: ['ci_controller', 'codeigniter\\controller'],
    setupMethods: ['__construct', 'initcontroller'],
    hiddenPrefix: '_',
    // An action whose session the autoloaded library or the constructor started: CodeIgniter 3's
    // library wraps PHP's session and its guide closes it with `session_write_close()`;
    // CodeIgniter 4's `session()` is its session service (`Session::close()`).
    sessionClose: { ci_controller: 'session_write_close()', 'codeigniter\\controller': 'session()->close()' },
    openWithSetting: {
      files: ['application/config/autoload.php', 'config/autoload.php'],
      key: "$autoload['libraries']",
      value: 'session',
      label: 'session opened here: CodeIgniter autoloads its session library, which starts the session (and locks it) before every controller',
    },
  },
  catalog: {
    properties: {
      // CI3: the loader and the libraries it loaded are properties of the controller (and,
      // through `__get`, of models).
      ci_controller: CI3_LIBRARIES,
      ci_model: CI3_LIBRARIES,
    },
    functions: {
      // CI's session drivers register themselves with `session_set_save_handler()`, and all of
      // them lock: the call must not turn lock findings off as an unknown store would.
      session_set_save_handler: none,
      // CI4's helper: `session()` and `session('key')` both start the shared session.
      session: returns(CI4_SESSION, lazyOpen),
      // `service('session')`: the same shared session (other services are not the session).
      service: { ...returns(CI4_SESSION, lazyOpen), onlyWithArgument: { index: 0, values: ['session'] } },
      // CI3's error pages end the request with `exit`.
      show_error: { effect: 'terminate' },
      show_404: { effect: 'terminate' },
    },
    methods: {
      'config\\services': services,
      'codeigniter\\config\\services': services,
      [CI4_SESSION_INTERFACE]: {
        start: open,
        close: closeWrite,
        destroy: closeDestroy,
        regenerate: use,
        ...ci4Writes,
      },
      [CURL_REQUEST]: each(['request', 'send', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options'], http),
      'codeigniter\\email\\email': { send: mail },
      // CI3's library (`$this->session`, class CI_Session).
      ci_session: {
        sess_destroy: closeDestroy,
        sess_regenerate: use,
        ...ci3Writes,
      },
      ci_email: { send: mail },
      [CI3_LOADER]: { library: { ...lazyOpen, onlyWithArgument: { index: 0, values: ['session'] } } },
    },
    classParents: {
      [CI4_SESSION]: CI4_SESSION_INTERFACE,
      'codeigniter\\restful\\resourcecontroller': 'codeigniter\\controller',
    },
  },
};
