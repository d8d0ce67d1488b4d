import type { RelatedLocation, RuleContext, SessionStoreInfo, Unit } from '../../../core/src';

/**
 * What the session store on the paths to a lock finding means for it:
 * - `locks`: PHP's file store (no store of the project's own on any path), a store whose
 *   `read`/`open` takes a lock, or the configuration's `"sessionLocks": true`: it stands;
 * - `off`: the configuration's `"sessionLocks": false`: lock findings are not reported;
 * - `lowered`: on every path a store that takes no lock the analysis can see is installed:
 *   the finding is `info`, and says it holds only if another store is used;
 * - `partly`: such a store is installed on some paths only; PHP's file store locks on the
 *   others, so the finding stands and says so.
 */
export type StoreVerdict =
  | { readonly kind: 'locks' }
  | { readonly kind: 'off' }
  | { readonly kind: 'lowered' | 'partly'; readonly note: string; readonly reason: string; readonly related: readonly RelatedLocation[] };

export function storeVerdict(context: RuleContext, unit: Unit, node: number): StoreVerdict {
  if (context.sessionLocks === true) return { kind: 'locks' };
  if (context.sessionLocks === false) return { kind: 'off' };
  const at = context.sessionStoresAt?.(unit, node);
  const unlocked = at?.stores.filter((store) => store.lock === undefined) ?? [];
  // Every store on the way locks (or none is installed): PHP serialises the requests.
  if (!at || unlocked.length === 0) return { kind: 'locks' };
  const named = unlocked.map((store) => `${store.display} (${where(context, store)})`).join(', ');
  const why = unlocked.every((store) => store.known) ? 'its `open`/`read` take no lock' : 'its code is not in the project, so nothing shows that it locks';
  const related = unlocked.map((store) => ({ message: `the session store ${store.display} is installed here: ${why}`, span: store.span }));
  if (at.every) {
    return {
      kind: 'lowered',
      note: ` The session store ${named} is installed on every path here and ${why}: if this store is used, no other request waits.`,
      reason: `the session store ${named} takes no lock the analysis can see`,
      related,
    };
  }
  return {
    kind: 'partly',
    note: ` The session store ${named} is installed on some paths only and ${why}; PHP's own file store, used on the other paths, locks.`,
    reason: '',
    related,
  };
}

/** "line 12" in the same file, "lib/session.php:12" in another. */
function where(context: RuleContext, store: SessionStoreInfo): string {
  return store.span.file === context.file.file ? `line ${store.line}` : `${store.span.file}:${store.line}`;
}
