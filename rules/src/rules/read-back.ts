import type { AccessEffect, CallEffect, Observation, ResourceId, RuleContext, Step, Unit, UnitFlow } from '../../../core/src';
import { effectAtEndOf, nodesAlong } from '../fixes/chain-effects';
import { argumentsOf, passes, takes, type CallArguments } from './call-site-paths';

/**
 * Whether a session change lost after a close mattered only to the request that made it: the
 * keys it writes are read back on every path from the change to the end of the request, and
 * that end is an `exit` with no page sent on in between (`header('Location: …')`, in the unit or
 * in what it calls: `CallEffect.sendsOnward`). The end of an included file goes on in its
 * includers, from the include (Observium's login page, included by the front page, which then
 * exits); a reopen after every key was read back no longer matters (the page showed the change,
 * then removed it through a helper that reopens the session).
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
 * helper that prints the messages the session holds tests the key before reading it). A callee
 * is walked for the call that runs it (`call-site-paths.ts`): only the paths the literals
 * written at the call allow count, so `hesk_process_messages($msg, 'NOREDIRECT')`, whose
 * `header('Location: …')` runs only `unless ($redirect_to == 'NOREDIRECT')`, does not send the
 * page on there, while the same helper called with a URL does. A reopen
 * after the change (in the unit, or a callee's `CalleeEffects.opens`) loads the stored session,
 * so a read after it sees the stored value, not the change: the change counts as lost there.
 */
export class ReadBack {
  /** What each callee does, by the arguments it was walked for (`CallArguments.key`). */
  private readonly callees = new Map<Unit, Map<string, CalleeReach>>();

  constructor(private readonly context: RuleContext) {}

  /** `observation` is a lost change of `flow` (a keyed write, or a call whose callee writes). */
  onlyThisRequest(flow: UnitFlow, observation: Observation, allChains: readonly (readonly Step[])[], destroyed: boolean): boolean {
    // After a destroy, a removal a callee makes (`unset($_SESSION[$name])` in a cleaning helper)
    // loses nothing: the stored session is gone. Only the callee's other writes need reading back.
    const chains = destroyed ? allChains.filter((chain) => !this.removes(flow.unit, chain)) : allChains;
    if (observation.effect.kind === 'call' && allChains.length > 0 && chains.length === 0) return false;
    const keys = this.keysWritten(flow.unit, observation, chains);
    if (!keys) return false;
    if (observation.effect.kind === 'call') {
      // The change is made inside the callee: what the callee does after it (sends the page on,
      // or ends the request there) is not on the unit's paths below.
      const call = observation.call;
      if (!call || call.opens.length > 0) return false;
      const args = argumentsOf(observation.effect);
      if (call.units.some((unit) => this.reach(unit, flow.resource, args).onward)) return false;
      // A key the callee reads back itself after writing it (`if (!isset($_SESSION['err']))
      // $_SESSION['err'] = [];` then the form shows it) needs no read after the call; the
      // request must still end without sending the page on.
      const unread = [...keys].filter((key) => !chains.some((chain) => this.readInside(flow.unit, chain, key, flow.resource)));
      // A callee that ends the request (a login form that prints itself and exits): it read
      // every key back, and sends nothing on, or the change is lost for a later request.
      if (call.neverReturns) return unread.length === 0;
      return this.readOnEveryPath(flow, observation.node, new Set(unread));
    }
    return this.readOnEveryPath(flow, observation.node, keys);
  }

  /**
   * Whether the chain down to a write of `key` reads it back below the call: at some level of
   * the chain (the writing unit after the write, or a unit after its call of the next level),
   * every path from there to the unit's end reads the key, with no reopen on the way.
   */
  private readInside(unit: Unit, chain: readonly Step[], key: string, resource: ResourceId): boolean {
    const write = effectAtEndOf(this.context, unit, chain, 'write') as AccessEffect | undefined;
    if (write?.key !== key) return false;
    const along = nodesAlong(this.context, unit, chain, 'write');
    return along !== undefined && along.some((level) => this.readBeforeUnitEnds(level.unit, level.node, key, resource));
  }

  /** Every path from `start` to the end of `unit` (return, exit or throw) reads `key` and reopens nothing. */
  private readBeforeUnitEnds(unit: Unit, start: number, key: string, resource: ResourceId): boolean {
    const cfg = unit.cfg;
    const seen = new Set<number>();
    const stack = cfg.nodes[start]!.succs.map((edge) => edge.to);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      if (node === cfg.exit || node === cfg.terminate || node === cfg.throwExit) return false;
      const effect = cfg.nodes[node]!.effect;
      if (effect?.kind === 'open' && effect.resource === resource) return false;
      if (effect?.kind === 'read' && effect.resource === resource && effect.key === key) continue;
      if (effect?.kind === 'call') {
        const callees = this.context.resolveCall?.(effect.target, unit, effect.span) ?? [];
        const reaches = callees.map((callee) => this.reach(callee, resource, argumentsOf(effect)));
        if (reaches.some((reach) => reach.onward || reach.opens)) return false;
        if (callees.length > 0 && reaches.every((reach) => reach.reads.has(key))) continue;
      }
      for (const edge of cfg.nodes[node]!.succs) stack.push(edge.to);
    }
    return true;
  }

  /** Whether the chain ends in a removal of a key (or of keys the analysis cannot name). */
  private removes(unit: Unit, chain: readonly Step[]): boolean {
    const write = effectAtEndOf(this.context, unit, chain, 'write') as AccessEffect | undefined;
    return write?.removes === true;
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
  private readOnEveryPath(flow: UnitFlow, start: number, keys: ReadonlySet<string>, depth = 0): boolean {
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
      if (node === cfg.exit) {
        // The end of an included file: the request goes on in its includers.
        if (!this.readInIncluders(flow.unit, unread, depth)) return false;
        continue;
      }
      if (node === cfg.throwExit) return false;
      const effect = cfg.nodes[node]!.effect;
      let left = unread;
      // A reopen loads the stored session: a key not read back yet would be read from it.
      if (effect?.kind === 'open' && effect.resource === flow.resource && unread.length > 0) return false;
      if (effect?.kind === 'read' && effect.resource === flow.resource && effect.key !== undefined) left = unread.filter((k) => k !== effect.key);
      if (effect?.kind === 'call') {
        if (effect.sendsOnward) return false;
        // The flow keeps what a call did only where it matters to the lock (it opened or wrote).
        const call = observed.get(node)?.call;
        if (call && call.opens.length > 0 && unread.length > 0) return false;
        for (const unit of call?.units ?? this.context.resolveCall?.(effect.target, flow.unit, effect.span) ?? []) {
          const reach = this.reach(unit, flow.resource, argumentsOf(effect));
          if (reach.onward) return false;
          left = left.filter((k) => !reach.reads.has(k));
        }
      }
      for (const edge of cfg.nodes[node]!.succs) stack.push({ node: edge.to, unread: left });
    }
    return true;
  }

  /**
   * The rest of the request after an included file's top level ends: every includer, from its
   * include on, reads what is left and ends the request without sending the page on. A
   * function's return, or a file no project code includes, is not followed (the caller, or
   * whatever runs the file, may still send the client on).
   */
  private readInIncluders(unit: Unit, unread: readonly string[], depth: number): boolean {
    if (unit.kind !== 'script' || depth >= MAX_INCLUDER_DEPTH) return false;
    const includers = this.context.includersOf?.(unit) ?? [];
    if (includers.length === 0) return false;
    return includers.every((includer) => this.readOnEveryPath(includer.flow, includer.node, new Set(unread), depth + 1));
  }

  /**
   * What a callee and the project code it calls may do when called with `args`: read keys,
   * send the page on. Only the nodes a path of the callee can reach for those arguments count,
   * and each call met there is walked for its own arguments.
   */
  private reach(root: Unit, resource: ResourceId, args: CallArguments): CalleeReach {
    const known = this.callees.get(root)?.get(args.key);
    if (known) return known;
    const reads = new Set<string>();
    let onward = false;
    let opens = false;
    const visited = new Set<string>([callKey(root, args)]);
    // The budget counts units, however many argument shapes each is walked for.
    const units = new Set<Unit>([root]);
    const queue: { unit: Unit; args: CallArguments }[] = [{ unit: root, args }];
    while (queue.length > 0 && !onward) {
      const { unit, args: passed } = queue.shift()!;
      for (const node of reachedNodes(unit, passed)) {
        const effect = unit.cfg.nodes[node]!.effect;
        if (effect?.kind === 'read' && effect.key !== undefined && effect.resource === resource) reads.add(effect.key);
        if (effect?.kind === 'open' && effect.resource === resource) opens = true;
        if (effect?.kind !== 'call') continue;
        if (effect.sendsOnward) onward = true;
        const calleeArgs = argumentsOf(effect as CallEffect);
        for (const callee of this.context.resolveCall?.(effect.target, unit, effect.span) ?? []) {
          const key = callKey(callee, calleeArgs);
          if (visited.has(key)) continue;
          visited.add(key);
          units.add(callee);
          queue.push({ unit: callee, args: calleeArgs });
        }
      }
      // Too much code to tell: it may send the page on.
      if (units.size > MAX_CALLEES) onward = true;
    }
    const reach = { reads, onward, opens };
    const byArguments = this.callees.get(root) ?? new Map<string, CalleeReach>();
    byArguments.set(args.key, reach);
    this.callees.set(root, byArguments);
    return reach;
  }
}

/** The nodes of `unit` a path from its entry can reach when called with `args`. */
function reachedNodes(unit: Unit, args: CallArguments): number[] {
  const cfg = unit.cfg;
  const reached = new Set<number>([cfg.entry]);
  const stack = [cfg.entry];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const edge of cfg.nodes[node]!.succs) {
      if (reached.has(edge.to) || !takes(edge, args) || !passes(unit, cfg.nodes[edge.to]!, args)) continue;
      reached.add(edge.to);
      stack.push(edge.to);
    }
  }
  return [...reached];
}

function callKey(unit: Unit, args: CallArguments): string {
  return `${unit.span.file}#${unit.id}|${args.key}`;
}

interface CalleeReach {
  /** Session keys read anywhere in it. */
  readonly reads: ReadonlySet<string>;
  /** It (or what it calls) may send the client on to another page, or is too large to tell. */
  readonly onward: boolean;
  /** It (or what it calls) may start the session: a read after it sees the stored session. */
  readonly opens: boolean;
}

/** Includers of includers followed before a path is taken as returning to unknown code. */
const MAX_INCLUDER_DEPTH = 3;

/** Units one callee may reach before it is taken as possibly sending the page on. */
const MAX_CALLEES = 400;
