import type { PredicateValue } from '../ir/effects';
import type { ResourceState } from './state';

/**
 * Facts about an object's properties across calls on that object (issue 9, fresh6 cause C6).
 * A session wrapper keeps a flag of its own and opens or closes only by it:
 *
 *     function close() { if ($this->started) session_write_close(); $this->started = false; }
 *     function set($k, $v) { $closed = false; if (!$this->started) { $closed = true; $this->start(); }
 *                            $_SESSION[$k] = $v; if ($closed) $this->close(); }
 *
 * `$s->set('a', 1); $s->set('b', 2);`: the first call ends with the flag false where it closed
 * the session, so the second opens it again before its write. The callee's `$this` is the
 * object the caller named (`CallEffect.receiver`: `''` for `$this`, `->session` for
 * `$this->session`, `$s` for a local variable), so a fact the caller has about `->session->started`
 * is the callee's `->started` on entry, and the callee's exit facts about `->started` (per path)
 * are the caller's about `->session->started` after the call. Only one level of property is
 * handed over: what the callee knows of its own properties.
 */

/** `->x`: a property of `$this` itself (not `->a->x`, not the any-property marker). */
function ownProperty(subject: string): boolean {
  return subject.startsWith('->') && subject.indexOf('->', 2) < 0 && subject !== '->*';
}

/** The caller's name for a callee's predicate key (reversible, and apart from the caller's own keys). */
function outer(receiver: string, predicate: string): string {
  return receiver === '' ? predicate : `${receiver}|${predicate}`;
}

/** What the caller knows of the receiver's own properties, as the callee's facts about `->x`. */
export function factsIntoReceiver(facts: readonly PredicateValue[] | undefined, receiver: string): PredicateValue[] {
  const found: PredicateValue[] = [];
  for (const fact of facts ?? []) {
    if (!fact.subject.startsWith(receiver)) continue;
    const subject = fact.subject.slice(receiver.length);
    if (!ownProperty(subject)) continue;
    const prefix = receiver === '' ? '' : `${receiver}|`;
    if (!fact.predicate.startsWith(prefix)) continue;
    found.push({ ...fact, subject, predicate: fact.predicate.slice(prefix.length) });
  }
  return found;
}

/** The callee's exit facts about its own properties, as the caller's about the receiver's. */
export function factsFromReceiver(facts: readonly PredicateValue[] | undefined, receiver: string): PredicateValue[] {
  return (facts ?? [])
    .filter((fact) => ownProperty(fact.subject))
    .map((fact) => ({ ...fact, subject: `${receiver}${fact.subject}`, predicate: outer(receiver, fact.predicate) }));
}

/**
 * A subject that is a property of a named object (`->session->started`, `$s->started`): the
 * object and the property, so that a call that may change either forgets it. Undefined for
 * anything else (`->x` of `$this` itself is a plain property subject).
 */
export function receiverProperty(subject: string): { readonly base: string; readonly property: string } | undefined {
  const at = subject.lastIndexOf('->');
  if (at <= 0) return undefined;
  return { base: subject.slice(0, at), property: subject.slice(at) };
}

/** One path's state before a call, with what the call did from it. */
export interface CaseCall<C> {
  readonly before: ResourceState;
  readonly call: C | undefined;
}
