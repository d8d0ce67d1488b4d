import { casesOf, settingFact, spanKey, startsWithoutHeaders, type FileIR, type PredicateValue, type ResourceId, type ResourceState, type SessionStoreInfo, type Span, type Unit, type UnitFlow } from '../../core/src';
import { unitAround } from './session-stores';

/**
 * A store's holder: the private or protected static that keeps the handler the project installs
 * (`self::$instance = new self(); session_set_save_handler(self::$instance)`), with the facts
 * that say it is unset, as it is when a request starts (`StoreInstall.holderAtRequestStart`).
 */
interface StoreHolder {
  readonly store: SessionStoreInfo;
  readonly unsetFacts: readonly PredicateValue[];
}

/**
 * The project's own stores that a start may be gated by (issue 9; MediaWiki's `SessionBackend`
 * starts the session only when `PHPSessionHandler::isEnabled()`, which is
 * `return self::$instance && …;`): by the static that holds the store, when the static is set
 * nowhere but right before the store is installed. A start that runs only where that static is
 * set runs only after the store was installed, in this request, wherever the code that
 * installed it is (an installed store stays for the request). This is what tells it where the
 * start's own unit, or the unit a finding is reported in, is analysed on its own and does not
 * see the install (a method reached through calls the analysis cannot follow to an entry).
 *
 * Trusted only when every write of the static in the project (its facts' `forget`) either
 * leaves it unset (`self::$instance = null`) or is the one that precedes the install, in the
 * installing unit: another write could set it where no store was installed.
 */
export function storeHolders(
  irs: readonly FileIR[],
  stores: ReadonlyMap<string, SessionStoreInfo>,
  flowOf: (unit: Unit, resource: ResourceId) => UnitFlow,
  sessionResource: ResourceId,
): Map<string, StoreHolder> {
  const candidates = new Map<string, { store: SessionStoreInfo; unsetFacts: readonly PredicateValue[]; unit: Unit | undefined; span: Span }>();
  const dropped = new Set<string>();
  for (const ir of irs) {
    for (const install of ir.storeInstalls) {
      const unsetFacts = install.holderAtRequestStart ?? [];
      const store = stores.get(spanKey(install.span));
      const subject = unsetFacts[0]?.subject;
      if (!store || subject === undefined) continue;
      // Two installs of one holder: which one preceded a start is not known.
      if (candidates.has(subject)) dropped.add(subject);
      candidates.set(subject, { store, unsetFacts, unit: unitAround(ir, install.span), span: install.span });
    }
  }
  if (candidates.size === 0) return new Map();
  const settingWrites = new Map<string, number>();
  for (const ir of irs) {
    for (const unit of ir.units) {
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'fact') continue;
        for (const subject of effect.forget ?? []) {
          const holder = candidates.get(subject);
          if (!holder || dropped.has(subject)) continue;
          if (leavesUnset(effect.set ?? [], holder.unsetFacts)) continue;
          if (unit !== holder.unit) dropped.add(subject);
          else settingWrites.set(subject, (settingWrites.get(subject) ?? 0) + 1);
        }
      }
    }
  }
  const holders = new Map<string, StoreHolder>();
  let headersOn: boolean | undefined;
  for (const [subject, holder] of candidates) {
    // The installing unit sets it once: the `new` object it then installs.
    if (dropped.has(subject) || (settingWrites.get(subject) ?? 0) !== 1 || !holder.unit) continue;
    headersOn ??= switchesHeadersOn(irs);
    const headersOff = !headersOn && installedWithoutHeaders(holder.unit, holder.span, flowOf, sessionResource);
    holders.set(subject, { store: headersOff ? { ...holder.store, headersOff } : holder.store, unsetFacts: holder.unsetFacts });
  }
  return holders;
}

/**
 * Whether the install ran where every path had switched the session cookie and the cache
 * limiter off (MediaWiki's `install()`: `ini_set('session.use_cookies', 0);
 * session_cache_limiter('');` just before `session_set_save_handler()`): the session state's
 * facts at the install, in the installing unit.
 */
function installedWithoutHeaders(unit: Unit, install: Span, flowOf: (unit: Unit, resource: ResourceId) => UnitFlow, sessionResource: ResourceId): boolean {
  const node = unit.cfg.nodes.find((one) => one.effect?.kind === 'open' && spanKey(one.effect.span) === spanKey(install));
  const state = node ? flowOf(unit, sessionResource).states[node.id] : undefined;
  return state !== undefined && startsWithoutHeaders(state);
}

/** Whether some code of the project switches the session cookie or the cache limiter on (`ini_set()` with another value). */
function switchesHeadersOn(irs: readonly FileIR[]): boolean {
  for (const ir of irs) {
    for (const unit of ir.units) {
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'setting') continue;
        const fact = settingFact(effect.name, effect.value);
        if (fact && !fact.value) return true;
      }
    }
  }
  return false;
}

/**
 * The store a start runs behind: one whose holder is set on every path to the start (each case
 * of the session's state there knows the holder's truthiness, or `isset()`, opposite to its
 * value when a request starts). Undefined when some path does not say so.
 */
export function storeGatingStart(state: ResourceState | undefined, holders: ReadonlyMap<string, StoreHolder>): SessionStoreInfo | undefined {
  if (!state || holders.size === 0) return undefined;
  for (const holder of holders.values()) {
    const set = (facts: readonly PredicateValue[] | undefined): boolean =>
      (facts ?? []).some((fact) => holder.unsetFacts.some((unset) => unset.predicate === fact.predicate && unset.value !== fact.value));
    if (casesOf(state).every((one) => set(one.facts))) return holder.store;
  }
  return undefined;
}

/** A write whose known facts include one of the holder's request-start facts, with the same value: it leaves the holder unset. */
function leavesUnset(set: readonly PredicateValue[], unsetFacts: readonly PredicateValue[]): boolean {
  return set.some((fact) => unsetFacts.some((unset) => unset.predicate === fact.predicate && unset.value === fact.value));
}
