import type { FactEffect, PredicateValue } from '../ir/effects';
import { decidedByConstantValue } from '../ir/constant-values';
import { afterKeyWritten, keyNeededButEmptied, SESSION_EMPTIED_SUBJECT } from '../ir/session-emptied';
import { ANY_OBJECT_PROPERTY, alwaysRemembered, changesClassStatic, isClassStaticSubject } from '../ir/predicate-shape';
import { MAX_FACTS, capFacts, casesOf, joinStates, keepWhyMaybe, withFacts, type Facts, type ResourceState } from './state';

/**
 * Subjects that are the same wherever a unit runs (session settings, pure calls): a callee is
 * entered with what its caller knows of them, and hands back what it learnt per path.
 */
export function isGlobalSubject(subject: string): boolean {
  // `new:cfg->noAuth`: a property of an object built alike on every `new` (`lower/php/fresh-objects.ts`).
  // `env:function_exists('session_start')`: what the running PHP has (`lower/php/predicates.ts`).
  return subject.startsWith('ini:') || subject.startsWith('pure:') || subject.startsWith('new:') || subject.startsWith('env:') || subject.startsWith('::') || isSessionKeySubject(subject);
}

/** `session:k`: whether `$_SESSION['k']` is set (`isset($_SESSION['k'])` after `unset($_SESSION['k'])`). */
export function isSessionKeySubject(subject: string): boolean {
  return subject.startsWith('session:');
}

/**
 * The state without its facts about session keys, after a write to the session (which may set
 * or unset any key) or a start (which reloads `$_SESSION` from the store).
 */
export function forgetSessionKeys(state: ResourceState, span: FactEffect['span'], writtenKey?: string): ResourceState | undefined {
  const subjects = [...new Set(casesOf(state).flatMap((one) => (one.facts ?? []).map((fact) => fact.subject)).filter(isSessionKeySubject))];
  if (subjects.length === 0) return state;
  if (writtenKey === undefined || !subjects.includes(SESSION_EMPTIED_SUBJECT)) return applyFacts(state, { kind: 'fact', forget: subjects, span });
  // A write of one literal key after the session was emptied sets that key only: the emptied
  // fact stays, naming it among the keys written since (`ir/session-emptied.ts`).
  const results = casesOf(state).map((one) => {
    const facts = (one.facts ?? []).flatMap((fact) => {
      if (fact.subject === SESSION_EMPTIED_SUBJECT) {
        const after = afterKeyWritten(fact, writtenKey);
        return after ? [after] : [];
      }
      return isSessionKeySubject(fact.subject) ? [] : [fact];
    });
    return withFacts(one, facts.length > 0 ? capFacts(facts) : undefined);
  });
  return keepWhyMaybe(joinStates(results), [state]);
}

/** A callee's exit state as the caller keeps it: each case with only what it knows of global subjects. */
export function globalCases(state: ResourceState): readonly ResourceState[] {
  return casesOf(state).map((one) => {
    const kept = (one.facts ?? []).filter((fact) => isGlobalSubject(fact.subject));
    return withFacts(one, kept.length > 0 ? kept : undefined);
  });
}

/**
 * The state after a call, on one path of the caller: the caller's facts hold on every case,
 * except where the callee's case knows better about the same subject (it changed a setting,
 * or tested one the caller did not know): so `restart_session()` and a later
 * `stop_session()` agree on `ini_bool('session.use_cookies')` path by path.
 */
export function withCallerFacts(after: ResourceState, callerFacts: Facts | undefined, changed: (subject: string) => boolean = () => false): ResourceState {
  const still = (callerFacts ?? []).filter((fact) => staysDefined(fact) || !changed(fact.subject));
  if (!after.cases && !after.facts) return withFacts(after, still.length > 0 ? still : undefined);
  const merged = casesOf(after).map((one) => {
    const own = one.facts ?? [];
    const kept = still.filter((fact) => !own.some((known) => known.subject === fact.subject));
    const facts = capFacts([...kept, ...own]);
    return withFacts(one, facts.length > 0 ? facts : undefined);
  });
  return keepWhyMaybe(joinStates(merged), [after]) ?? after;
}

/**
 * Path-sensitive facts: what branch predicates are known to be on each path. The state keeps
 * paths with different facts apart (`ResourceState.cases`), so `if ($need) session_start();
 * … if ($need) session_write_close();` closes on the one path that opened. Everything stays
 * finite: predicates come from the unit's text, a state has at most MAX_FACTS of them and at
 * most MAX_CASES cases, and a join past that forgets the facts that differ.
 */

/**
 * `defined('X')` known true: PHP never undefines a constant (a second `define()` fails), so no
 * call or include, not even one the analysis cannot read, makes it false again. An entry script's
 * `define('IN_FEED', true)` still holds in the bootstrap it includes after a `require
 * 'vendor/autoload.php'` that is not there.
 */
export function staysDefined(fact: PredicateValue): boolean {
  return fact.value === true && fact.subject.startsWith('const:') && fact.predicate.startsWith('defined(');
}

/**
 * The state without what it knew of the constants `definable` says an included file the analysis
 * cannot read may define, per case, but for those known defined (`staysDefined`): what such a
 * constant's value decides stays too, as no file can define it again (`define('PAGE_NAME',
 * NULL)` keeps `PAGE_NAME == 'style'` false past `require(SM_PATH . $prefs_backend)`).
 */
export function forgetConstants(state: ResourceState, definable: (subject: string) => boolean): ResourceState {
  const forgets = (fact: PredicateValue, defined: ReadonlySet<string>): boolean => fact.subject.startsWith('const:') && definable(fact.subject) && !defined.has(fact.subject);
  const definedIn = (one: ResourceState): ReadonlySet<string> => new Set((one.facts ?? []).filter(staysDefined).map((fact) => fact.subject));
  if (!casesOf(state).some((one) => { const defined = definedIn(one); return (one.facts ?? []).some((fact) => forgets(fact, defined)); })) return state;
  const kept = casesOf(state).map((one) => {
    const defined = definedIn(one);
    const facts = (one.facts ?? []).filter((fact) => !forgets(fact, defined));
    return withFacts(one, facts.length > 0 ? facts : undefined);
  });
  return keepWhyMaybe(joinStates(kept), [state]) ?? state;
}

/** Applies `fn` to each case of the state, keeping each case's facts, and joins the results. */
export function mapCases(
  state: ResourceState,
  fn: (one: ResourceState) => ResourceState | undefined,
): ResourceState | undefined {
  if (!state.cases) {
    const after = fn(state);
    return after && after !== state ? withFacts(after, state.facts) : after;
  }
  const results: ResourceState[] = [];
  for (const one of state.cases) {
    const after = fn(one);
    if (after) results.push(after === one ? one : withFacts(after, one.facts));
  }
  return keepWhyMaybe(joinStates(results), [state]);
}

/**
 * A fact effect on a state: subjects assigned here lose their facts, then the predicates set
 * here are checked against each case (a case that knows the opposite cannot take this
 * path) and recorded. Undefined: no path gets here.
 */
export function applyFacts(state: ResourceState, effect: FactEffect): ResourceState | undefined {
  const forget = new Set(effect.forget ?? []);
  const results: ResourceState[] = [];
  for (const one of casesOf(state)) {
    let facts: Facts = (one.facts ?? []).filter((fact) => !forget.has(fact.subject));
    let possible = true;
    for (const set of effect.set ?? []) {
      const known = facts.find((fact) => fact.predicate === set.predicate);
      if ((known && known.value !== set.value) || contradictsConstantValue(set, facts)) {
        possible = false;
        break;
      }
      if (!known && (facts.length < MAX_FACTS || alwaysRemembered(set))) facts = capFacts([...facts, set]);
    }
    // Needed here, not learnt: a case that knows the opposite does not take this edge.
    if (possible && effect.checks?.some((check) => facts.some((fact) => fact.predicate === check.predicate && fact.value !== check.value) || contradictsConstantValue(check, facts) || keyNeededButEmptied(check, facts))) possible = false;
    if (possible) results.push(withFacts(one, facts.length > 0 ? facts : undefined));
  }
  return keepWhyMaybe(joinStates(results), [state]);
}

/** A comparison of a constant whose known value gives the other answer (`constant-values.ts`). */
function contradictsConstantValue(fact: PredicateValue, facts: Facts): boolean {
  const decided = decidedByConstantValue(fact, facts);
  return decided !== undefined && decided !== fact.value;
}

/**
 * After a call, what the caller knew that the callee may have changed: properties (`->x`,
 * `::$x`) it or its callees assign (`changesOf`; all of them for a call that resolves to no
 * project code), and for an included file (which runs in the unit's scope) local variables
 * (`$x`) as well (a call that runs no project code, `unknown-code`: every property but the
 * classes' own private and protected statics, which only their code writes): `include` is the set of those its files mention (none when it reaches no
 * file), or `true` when they may set any; session keys when the callee or its callees write
 * or start the session (`touchesSession`; a call that resolves to nothing changes none). Constants stay: only `define()` changes them (the callee's
 * summary says which it defines), but an included file the analysis cannot read
 * (`unknownFile`) may define any. Worked out only when a fact asks.
 */
export function changedByCall(
  include: boolean | ReadonlySet<string>,
  changesOf: () => ReadonlySet<string> | 'any' | 'unknown-code',
  unknownFile = false,
  touchesSession: () => boolean = () => false,
): (subject: string) => boolean {
  let changes: ReadonlySet<string> | 'any' | 'unknown-code' | undefined;
  let session: boolean | undefined;
  return (subject) => {
    if (subject.startsWith('$') && (include === true || (include !== false && include.has(subject)))) return true;
    if (unknownFile && subject.startsWith('const:')) return true;
    // A callee that writes or starts the session may change any key (what it knows at its exit comes back per path).
    if (isSessionKeySubject(subject)) return (session ??= touchesSession());
    if (!subject.startsWith('->') && !subject.startsWith('::')) return false;
    changes ??= changesOf();
    if (changes === 'unknown-code') return !isClassStaticSubject(subject);
    if (changes === 'any') return true;
    if (isClassStaticSubject(subject)) return changesClassStatic(changes, subject);
    return changes.has(subject) || (subject.startsWith('->') && changes.has(ANY_OBJECT_PROPERTY));
  };
}
