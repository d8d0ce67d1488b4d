import { closeDestroy, closeWrite, each, http, lazyOpen, mail, none, open, returns, use } from './entries';
import type { FrameworkPreset } from './preset';

const SESSION = 'yii\\web\\session';
const APPLICATION = 'yii\\web\\application';
const HTTP_REQUEST = 'yii\\httpclient\\request';
const MAILER = 'yii\\mail\\mailerinterface';
const MESSAGE = 'yii\\mail\\messageinterface';

/**
 * Yii 2: `yii\web\Session` wraps PHP's native session. `open()` starts it, and so does every
 * access to its data (`get()`, `set()`, `has()`, flashes, …: each calls `open()` first);
 * `close()` is `session_write_close()`, and a later access reopens it. `destroy()` ends it.
 * With the default files handler it locks. `DbSession`, `CacheSession` and yii2-redis do not
 * lock, and are deliberately not mapped (a parameter typed with them has no session effects);
 * when the application's configuration (`config/web.php`, the advanced template's
 * `frontend/config/main.php`) names one of them as the `session` component's class, the preset's
 * session APIs take no lock at all.
 *
 * Reached through `Yii::$app->session` (or `->getSession()`: the catalog types the static
 * `Yii::$app` as the web application), array access on it (`Yii::$app->session['cart']` is
 * `offsetGet`, an assignment `offsetSet`), and typed parameters and properties
 * (`yii\web\Session $session`, `@var Session`).
 */
export const yii: FrameworkPreset = {
  id: 'yii',
  name: 'Yii 2',
  locks: true,
  detect: {
    composer: ['yiisoft/yii2'],
    extends: ['yii\\web\\controller', 'yii\\base\\controller', 'yii\\rest\\controller', 'yii\\rest\\activecontroller'],
  },
  // `'session' => ['class' => 'yii\redis\Session']` in the application's configuration: a
  // store without a lock (lost updates are its risk, not waiting).
  // Public `action*` methods of web controllers are actions: the framework calls one per request
  // (`runAction()`), after `init()` (from the constructor) and `beforeAction()`, which a session
  // they start stays open for. `actions()` lists standalone actions.
  controllers: {
    baseClasses: ['yii\\web\\controller', 'yii\\rest\\controller', 'yii\\rest\\activecontroller'],
    setupMethods: ['__construct', 'init', 'beforeaction'],
    actionPrefix: 'action',
    nonActions: ['actions'],
    // An action whose session `init()` or `beforeAction()` opened closes the application's one.
    sessionClose: {
      'yii\\web\\controller': '\\Yii::$app->session->close()',
      'yii\\rest\\controller': '\\Yii::$app->session->close()',
      'yii\\rest\\activecontroller': '\\Yii::$app->session->close()',
    },
  },
  nonLockingStore: {
    files: ['config/web.php', 'config/main.php', 'frontend/config/main.php', 'backend/config/main.php', 'common/config/main.php'],
    keys: ["$config['components']['session']['class']", "return['components']['session']['class']"],
    classes: ['yii\\web\\dbsession', 'yii\\web\\cachesession', 'yii\\redis\\session', 'yii\\mongodb\\session'],
  },
  catalog: {
    properties: {
      // `Yii::$app` (the global `Yii` class, or `yii\BaseYii` it extends).
      yii: { $app: APPLICATION },
      'yii\\baseyii': { $app: APPLICATION },
      [APPLICATION]: { session: SESSION },
    },
    methods: {
      [APPLICATION]: { getsession: returns(SESSION) },
      [SESSION]: {
        open,
        ...each(
          ['get', 'set', 'has', 'remove', 'removeall', 'getflash', 'setflash', 'addflash', 'hasflash', 'removeflash',
            'removeallflashes', 'getallflashes', 'offsetget', 'offsetset', 'offsetexists', 'offsetunset', 'getiterator',
            'getcount', 'count'],
          lazyOpen,
        ),
        close: closeWrite,
        destroy: closeDestroy,
        regenerateid: use,
        ...each(['getisactive', 'getid', 'setid', 'getname', 'setname', 'gethassessionid'], none),
      },
      // yiisoft/yii2-httpclient: `get()`/`post()` build a request; `send()` sends it.
      'yii\\httpclient\\client': {
        send: http,
        batchsend: http,
        ...each(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'createrequest'], returns(HTTP_REQUEST)),
      },
      [HTTP_REQUEST]: { send: http },
      [MAILER]: { send: mail, sendmultiple: mail, compose: returns(MESSAGE) },
      [MESSAGE]: { send: mail },
    },
    classParents: {
      'yii\\mail\\basemailer': MAILER,
      'yii\\swiftmailer\\mailer': 'yii\\mail\\basemailer',
      'yii\\symfonymailer\\mailer': 'yii\\mail\\basemailer',
      'yii\\mail\\basemessage': MESSAGE,
      'yii\\swiftmailer\\message': 'yii\\mail\\basemessage',
      'yii\\symfonymailer\\message': 'yii\\mail\\basemessage',
    },
  },
};
