import type { RelatedLocation, RuleContext, SessionStoreInfo, Unit } from '../../../core/src';

/**
 * What the session store on the paths to a lock finding means for it (the severity policy
 * for stores; rules/docs/held-across-slow-call.md, "Session stores"):
 * - `locks`: PHP's file store (no store of the project's own on any path), a store whose
 *   `read`/`open` takes a lock, the configuration's `"sessionLocks": true`, or a store that
 *   visibly takes no lock with `reportNonLockingStores` (reported as if PHP's file store were
 *   used): the finding stands;
 * - `off`: the configuration's `"sessionLocks": false`: lock findings are not reported;
 * - `unreported`: on every path a store is installed whose `open`/`read` code the analysis
 *   reads and which takes no lock: there is no lock to hold, so the finding is left out and
 *   the run's summary counts it (`reason`);
 * - `conditional`: such a store is installed on some paths only (behind configuration): PHP's
 *   file store locks on the others, so the finding is `info` and names when it holds;
 * - `lowered`: on every path a store is installed whose code is not in the project (nothing
 *   shows whether it locks): `info`, holding only if another store is used;
 * - `partly`: such a store on some paths only: the finding stands and says so.
 */
export type StoreVerdict =
  | { readonly kind: 'locks' }
  | { readonly kind: 'off' }
  | { readonly kind: 'unreported'; readonly reason: string }
  | {
      readonly kind: 'lowered' | 'partly' | 'conditional';
      readonly note: string;
      /** The note as said in another file (a finding grouped at a helper's slow call): stores named by `file:line` unless in that file. */
      readonly noteIn: (file: string) => string;
      readonly reason: string;
      readonly related: readonly RelatedLocation[];
    };

export function storeVerdict(context: RuleContext, unit: Unit, node: number): StoreVerdict {
  if (context.sessionLocks === true) return { kind: 'locks' };
  if (context.sessionLocks === false) return { kind: 'off' };
  const at = context.sessionStoresAt?.(unit, node);
  // A store seen to take no lock counts as PHP's file store when the user asks for it.
  const unlocked = at?.stores.filter((store) => store.lock === undefined && !(store.known && context.reportNonLockingStores)) ?? [];
  // Every store on the way locks (or none is installed): PHP serialises the requests.
  if (!at || unlocked.length === 0) return { kind: 'locks' };
  const seen = unlocked.every((store) => store.known);
  if (at.every && seen) {
    const stores = unlocked.map((store) => `${store.display} (installed at ${store.span.file}:${store.line})`).join(', ');
    return { kind: 'unreported', reason: `${stores} ${unlocked.length === 1 ? 'takes' : 'take'} no lock` };
  }
  const namedIn = (file: string): string => unlocked.map((store) => `${store.display} (${where(file, store)})`).join(', ');
  const named = namedIn(context.file.file);
  const why = seen ? 'its `open`/`read` take no lock' : 'its code is not in the project, so nothing shows that it locks';
  const related = unlocked.map((store) => ({ message: `the session store ${store.display} is installed here: ${why}`, span: store.span }));
  if (seen) {
    // The branch that installs it is often inside a callee (a constructor that checks the
    // configuration): the flow's reason at this point would name the wrong condition.
    const conditional = (stores: string): string =>
      ` This holds only when the session store ${stores} is not installed: it is installed on some paths here only, ${why}, and PHP's own file store, used on the other paths, locks.`;
    return { kind: 'conditional', note: conditional(named), noteIn: (file) => conditional(namedIn(file)), reason: '', related };
  }
  if (at.every) {
    const lowered = (stores: string): string => ` The session store ${stores} is installed on every path here and ${why}: if this store is used, no other request waits.`;
    return {
      kind: 'lowered',
      note: lowered(named),
      noteIn: (file) => lowered(namedIn(file)),
      reason: `the session store ${named} takes no lock the analysis can see`,
      related,
    };
  }
  const partly = (stores: string): string => ` The session store ${stores} is installed on some paths only and ${why}; PHP's own file store, used on the other paths, locks.`;
  return { kind: 'partly', note: partly(named), noteIn: (file) => partly(namedIn(file)), reason: '', related };
}

/** "line 12" in the same file, "lib/session.php:12" in another. */
function where(file: string, store: SessionStoreInfo): string {
  return store.span.file === file ? `line ${store.line}` : `${store.span.file}:${store.line}`;
}
