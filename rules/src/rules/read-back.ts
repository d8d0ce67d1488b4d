import type { AccessEffect, Observation, ResourceId, RuleContext, Step, Unit, UnitFlow } from '../../../core/src';
import { effectAtEndOf } from '../fixes/chain-effects';

/**
 * Whether a session change lost after a close mattered only to the request that made it: the
 * keys it writes are read back on every path from the change to the end of the request, and
 * that end is an `exit` with no page sent on in between (`header('Location: …')`, in the unit or
 * in what it calls: `CallEffect.sendsOnward`).
 *
 * The shape is a failed login that destroys the session, stores the error message in
 * `$_SESSION['err']`, prints the form (which shows `$_SESSION['err']`) and exits: the message was
 * shown by the request that wrote it, and no later request was meant to see it, so losing the
 * stored copy changes nothing. A change followed by a redirect (the flash message meant for the
 * next page), a change no later code reads, or a path that returns to a caller or an includer
 * (which may still send the client on) is still lost.
 *
 * Reads are counted in the unit after the change and in the project code it calls there (any
 * read of the key in a callee or what that calls, not only one on every path of the callee: a
 * helper that prints the messages the session holds tests the key before reading it). A reopen
 * after the change (in the unit, or a callee's `CalleeEffects.opens`) loads the stored session,
 * so a read after it sees the stored value, not the change: the change counts as lost there.
 */
export class ReadBack {
  private readonly callees = new Map<Unit, CalleeReach>();

  constructor(private readonly context: RuleContext) {}

  /** `observation` is a lost change of `flow` (a keyed write, or a call whose callee writes). */
  onlyThisRequest(flow: UnitFlow, observation: Observation, chains: readonly (readonly Step[])[]): boolean {
    const keys = this.keysWritten(flow.unit, observation, chains);
    if (!keys) return false;
    if (observation.effect.kind === 'call') {
      // The change is made inside the callee: what the callee does after it (sends the page on,
      // or ends the request there) is not on the unit's paths below.
      const call = observation.call;
      if (!call || call.neverReturns || call.opens.length > 0) return false;
      if (call.units.some((unit) => this.reach(unit, flow.resource).onward)) return false;
    }
    return this.readOnEveryPath(flow, observation.node, keys);
  }

  /** The first-level keys the change writes: all literal, none removed. */
  private keysWritten(unit: Unit, observation: Observation, chains: readonly (readonly Step[])[]): ReadonlySet<string> | undefined {
    const writes: (AccessEffect | undefined)[] =
      observation.effect.kind === 'write'
        ? [observation.effect]
        : observation.effect.kind === 'call' && chains.length > 0
          ? chains.map((chain) => effectAtEndOf(this.context, unit, chain, 'write'))
          : [undefined];
    const keys = new Set<string>();
    for (const write of writes) {
      if (!write || write.key === undefined || write.removes || write.clearsAll) return undefined;
      keys.add(write.key);
    }
    return keys;
  }

  /**
   * Every path from `start` reaches the script's end (`exit`) after reading each key, sends no
   * page on and reopens nothing. A path that returns or throws out of the unit is not followed.
   */
  private readOnEveryPath(flow: UnitFlow, start: number, keys: ReadonlySet<string>): boolean {
    const cfg = flow.unit.cfg;
    const observed = new Map(flow.observations.map((observation) => [observation.node, observation]));
    const seen = new Set<string>();
    const stack: { node: number; unread: readonly string[] }[] = cfg.nodes[start]!.succs.map((edge) => ({ node: edge.to, unread: [...keys] }));
    while (stack.length > 0) {
      const { node, unread } = stack.pop()!;
      const key = `${node}|${unread.join('\u0000')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A path the flow never reaches (a decided branch, after a call that does not return).
      if (node !== cfg.terminate && flow.states[node] === undefined) continue;
      if (node === cfg.terminate) {
        if (unread.length > 0) return false;
        continue;
      }
      if (node === cfg.exit || node === cfg.throwExit) return false;
      const effect = cfg.nodes[node]!.effect;
      let left = unread;
      if (effect?.kind === 'open' && effect.resource === flow.resource) return false;
      if (effect?.kind === 'read' && effect.resource === flow.resource && effect.key !== undefined) left = unread.filter((k) => k !== effect.key);
      if (effect?.kind === 'call') {
        if (effect.sendsOnward) return false;
        // The flow keeps what a call did only where it matters to the lock (it opened or wrote).
        const call = observed.get(node)?.call;
        if (call && call.opens.length > 0) return false;
        for (const unit of call?.units ?? this.context.resolveCall?.(effect.target, flow.unit, effect.span) ?? []) {
          const reach = this.reach(unit, flow.resource);
          if (reach.onward) return false;
          left = left.filter((k) => !reach.reads.has(k));
        }
      }
      for (const edge of cfg.nodes[node]!.succs) stack.push({ node: edge.to, unread: left });
    }
    return true;
  }

  /** What a callee and the project code it calls may do: read keys, send the page on. */
  private reach(root: Unit, resource: ResourceId): CalleeReach {
    const known = this.callees.get(root);
    if (known) return known;
    const reads = new Set<string>();
    let onward = false;
    const visited = new Set<Unit>([root]);
    const queue: Unit[] = [root];
    while (queue.length > 0 && !onward) {
      const unit = queue.shift()!;
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind === 'read' && effect.key !== undefined && effect.resource === resource) reads.add(effect.key);
        if (effect?.kind !== 'call') continue;
        if (effect.sendsOnward) onward = true;
        for (const callee of this.context.resolveCall?.(effect.target, unit, effect.span) ?? []) {
          if (visited.has(callee)) continue;
          visited.add(callee);
          queue.push(callee);
        }
      }
      // Too much code to tell: it may send the page on.
      if (visited.size > MAX_CALLEES) onward = true;
    }
    const reach = { reads, onward };
    this.callees.set(root, reach);
    return reach;
  }
}

interface CalleeReach {
  /** Session keys read anywhere in it. */
  readonly reads: ReadonlySet<string>;
  /** It (or what it calls) may send the client on to another page, or is too large to tell. */
  readonly onward: boolean;
}

/** Units one callee may reach before it is taken as possibly sending the page on. */
const MAX_CALLEES = 400;
