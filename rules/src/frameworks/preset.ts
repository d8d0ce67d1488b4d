import type { ApiEntry, SettingValue } from '../../../core/src';
import type { EntryPoint } from '../api';
import type { CatalogLayer } from '../catalog/merge';

/**
 * What a framework does with the session, as data: its open/close/reopen APIs (a catalog
 * layer), where its handlers run with the session already open, and how to recognise it.
 */
export interface FrameworkPreset {
  readonly id: string;
  readonly name: string;
  /** Whether its default session store locks. Non-locking ones never hold a lock. */
  readonly locks: boolean;
  readonly detect: {
    /** Packages in composer.json `require`/`require-dev`. */
    readonly composer?: readonly string[];
    /** Files (relative to the project root) whose presence reveals it. */
    readonly files?: readonly string[];
    /** Text in a file's comments (a WordPress plugin's `Plugin Name:` header). */
    readonly commentMarkers?: readonly string[];
    /**
     * Framework classes (lower-case, fully qualified) that an analysed class extends: a plugin
     * or app folder without the framework's code is recognised by its controllers.
     */
    readonly extends?: readonly string[];
    /** Settings an analysed file's top level makes (`$plugin->component` in a Moodle plugin's `version.php`). */
    readonly settings?: readonly string[];
  };
  readonly catalog: CatalogLayer;
  readonly entryPoints?: readonly EntryPoint[];
  readonly hooks?: HookModel;
  readonly controllers?: ControllerModel;
  readonly routes?: RouteModel;
  readonly nonLockingStore?: NonLockingStore;
  /**
   * The framework's write-back close of the session exists only from `version` of one of
   * `packages` on (CodeIgniter 4's `Session::close()`: 4.4). Unless the project's
   * `composer.lock` shows such a version, a fix never inserts it: the catalog's closes are still
   * seen where the code calls them, and the preset's controller close (`sessionClose`) is
   * `fallback` instead (PHP's own close, which the framework's calls).
   */
  readonly closeSince?: { readonly packages: readonly string[]; readonly version: string; readonly fallback: string };
}

/**
 * A framework configuration that installs a session store that does not lock (Yii's
 * `'session' => ['class' => 'yii\redis\Session']`): then the preset's session APIs take no lock
 * (its opens, closes and controller or route entries are left out) and a note says why.
 */
export interface NonLockingStore {
  /** Configuration files, relative to the project root; every one that exists is read. */
  readonly files: readonly string[];
  /** Settings naming the store's class (`return['components']['session']['class']`). */
  readonly keys: readonly string[];
  /** Lower-case store classes that do not lock, without a leading backslash. */
  readonly classes: readonly string[];
}

/**
 * A configuration file's setting that changes how every request runs (CodeIgniter 3's
 * `$autoload['libraries']` holding `'session'`). The files are read through the host, relative
 * to the project root; the first one that exists counts.
 */
export interface SettingCondition {
  readonly files: readonly string[];
  /** As `FileSymbols.settings` keys it: `$autoload['libraries']`, `return['block']`. */
  readonly key: string;
  /** The value (or one of the array's values) that turns it on. */
  readonly value: SettingValue;
  /** The related location's label, at the setting. */
  readonly label: string;
}

/**
 * Controllers whose actions run with the session open: public methods of project classes that
 * extend one of `baseClasses` (directly or through project classes). The session is open in an
 * action when the framework opened it for every action (`openWithSetting`), for actions that ask
 * for it (`openWithAnnotation`), or when a setup method that runs before every action (the
 * constructor) leaves it open.
 */
export interface ControllerModel {
  readonly baseClasses: readonly string[];
  /** Methods that run before every action, and are not actions themselves (`__construct`, `initcontroller`). */
  readonly setupMethods: readonly string[];
  /** Methods whose name starts with this are not routed (CodeIgniter 3: `_`). */
  readonly hiddenPrefix?: string;
  /**
   * Only public methods whose name starts with this (and goes on) are actions (Yii 2:
   * `actionView()`). Absent: every public method that is not a setup or magic method is one.
   */
  readonly actionPrefix?: string;
  /**
   * The framework's close of the session as any action of a controller extending the key (a
   * lower-case base class) can write it, without naming the session first
   * (`\\Yii::$app->session->close()`): the early close of an action whose session the
   * framework opened before it, where the action itself never names it.
   */
  readonly sessionClose?: Readonly<Record<string, string>>;
  /** Public methods (lower-case) that are never actions (Yii 2: `actions()`, which lists standalone actions). */
  readonly nonActions?: readonly string[];
  /** Attributes (lower-case fq) or docblock tags (`@usesession`) that keep the session open for the action. */
  readonly openWithAnnotation?: { readonly names: readonly string[]; readonly label: string };
  readonly openWithSetting?: SettingCondition;
  /** Middleware that every action runs behind: a session it leaves open is open in the action. */
  readonly middleware?: MiddlewareModel;
}

/**
 * Middleware (PSR-15 and the like): project classes that implement one of `interfaces`
 * (directly or through their parents) run their `methods` around every controller action and
 * pass the request on from there. A session such a method starts and leaves open when it ends
 * (the action ran inside it, through `$handler->handle($request)`) is open in every action.
 * A middleware class of the project is taken to be registered (the queue is built at run time).
 */
export interface MiddlewareModel {
  /** Lower-case fully qualified interfaces (or base classes) of middleware. */
  readonly interfaces: readonly string[];
  /** Lower-case names of the methods the framework calls (`process`). */
  readonly methods: readonly string[];
}

/**
 * Routes registered in code (`Route::post('/x', [C::class, 'm'])`, a catalog entry with
 * `registersCallback`) whose action runs holding a lock for its whole body: those with one of
 * `lockingModifiers` chained (`->block()`), or all of them when a setting says so.
 */
export interface RouteModel {
  /** Lower-case method names chained on the registration (`block`). */
  readonly lockingModifiers: readonly string[];
  /** The related location's label, at the modifier. */
  readonly label: string;
  readonly lockAllWithSetting?: SettingCondition;
}

/**
 * Callback registration (WordPress `add_action`): a session started in an early hook's
 * callback and not closed there stays open for every later callback of the request.
 */
export interface HookModel {
  /** Registration functions (lower-case) and the positions of hook name and callback. */
  readonly registrations: Readonly<Record<string, { readonly hook: number; readonly callback: number }>>;
  /** Hooks that run before the request's handlers. */
  readonly early: readonly string[];
}

export type { ApiEntry };
