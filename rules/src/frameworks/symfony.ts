import { closeWrite, each, lazyOpen, lazyOpenWrite, none, open, returns, use, write } from './entries';
import type { FrameworkPreset } from './preset';

const SESSION = 'symfony\\component\\httpfoundation\\session\\sessioninterface';
const SESSION_CLASS = 'symfony\\component\\httpfoundation\\session\\session';
const FLASH_BAG = 'symfony\\component\\httpfoundation\\session\\flash\\flashbaginterface';

/**
 * Symfony HttpFoundation sessions. `NativeSessionStorage` starts the PHP session lazily, on
 * the first access to the session's data (`get()`, `set()`, `has()`, `all()`, a bag, …), and
 * `save()` is `session_write_close()`. A later access starts it again. The default native
 * file handler locks (so does `PdoSessionHandler`, with `LOCK_TRANSACTIONAL` by default);
 * the Memcached and MongoDB handlers do not, which the preset cannot see.
 *
 * Controllers need no entry point: they reach the session through `$request->getSession()`,
 * `RequestStack::getSession()` or `addFlash()`, each of which is modelled. A session already
 * started by a listener before the controller (a stateful firewall reading its token) is
 * not; configure an entry point for it.
 */
export const symfony: FrameworkPreset = {
  id: 'symfony',
  name: 'Symfony',
  locks: true,
  detect: {
    composer: ['symfony/http-foundation', 'symfony/framework-bundle'],
  },
  // Public methods of `AbstractController` subclasses are actions: the framework calls one per
  // request. Nothing opens the session before them (see above), so they are no entry points;
  // the model tells the early-close fix that no project code runs after an action returns.
  controllers: {
    baseClasses: ['symfony\\bundle\\frameworkbundle\\controller\\abstractcontroller'],
    setupMethods: ['__construct'],
  },
  catalog: {
    methods: {
      'symfony\\component\\httpfoundation\\request': {
        getsession: returns(SESSION),
        hassession: none,
        hasprevioussession: none,
      },
      'symfony\\component\\httpfoundation\\requeststack': {
        getsession: returns(SESSION),
      },
      [SESSION]: {
        // Every access to the data starts the session if it is not started (lazy start).
        start: open,
        ...each(['get', 'has', 'all', 'getbag'], lazyOpen),
        // …and these change its data once started.
        ...each(['set', 'replace', 'remove', 'clear'], lazyOpenWrite),
        save: closeWrite,
        // Clears the data and regenerates the id: the session stays open (with a new id).
        invalidate: use,
        migrate: use,
        ...each(['isstarted', 'getid', 'setid', 'getname', 'setname', 'registerbag', 'getmetadatabag'], none),
      },
      'symfony\\component\\httpfoundation\\session\\flashbagawaresessioninterface': {
        getflashbag: returns(FLASH_BAG, lazyOpen),
      },
      [SESSION_CLASS]: {
        getflashbag: returns(FLASH_BAG, lazyOpen),
        getiterator: lazyOpen,
        count: lazyOpen,
        isempty: none,
        getusageindex: none,
      },
      [FLASH_BAG]: {
        ...each(['add', 'set', 'setall'], write),
      },
      'symfony\\bundle\\frameworkbundle\\controller\\abstractcontroller': {
        // `$this->addFlash()` goes through the request's session: it starts it.
        addflash: lazyOpen,
      },
    },
    classParents: {
      [SESSION_CLASS]: SESSION,
      'symfony\\component\\httpfoundation\\session\\flashbagawaresessioninterface': SESSION,
      'symfony\\component\\httpfoundation\\session\\flash\\flashbag': FLASH_BAG,
      'symfony\\component\\httpfoundation\\session\\flash\\autoexpireflashbag': FLASH_BAG,
    },
  },
};
