import type { FileIR, Unit } from '../ir/unit';
import type { CallResolver } from './resolver';

/**
 * For units analysed on their own (as the rules see them): how many arguments their callers
 * pass at most, when every call to them in the project can be seen. A unit whose callers all
 * leave an argument out runs with that parameter's default, so `function f($plugin = '')`
 * never takes its `if ($plugin !== '')` branch when no caller passes `$plugin`.
 *
 * Only functions and private methods: a public method may be reached through a receiver typed
 * as a parent class, or through a receiver the analysis cannot type, and those calls are not
 * seen here. A unit that is also used as a callable (a callback, a hook, a store handler) or
 * is called with a spread or named argument anywhere gets nothing; so does a unit with no call
 * at all (an entry point, or code called from outside the project).
 */
export function argumentsPassedByCallers(
  files: readonly FileIR[],
  resolver: CallResolver,
  sites: ReadonlyMap<Unit, readonly RunSite[]> = placesThatRun(files, resolver),
): Map<Unit, number> {
  const passed = new Map<Unit, number>();
  for (const [callee, calls] of sites) {
    if (!callee.omittedArguments || !functionOrPrivateMethod(callee)) continue;
    const counts = calls.map((site) => {
      const effect = site.unit.cfg.nodes[site.node]?.effect;
      return effect?.kind === 'call' ? effect.argumentCount : undefined;
    });
    // A spread or named argument anywhere: how many are passed is not known.
    if (counts.every((count) => count !== undefined)) passed.set(callee, Math.max(...counts));
  }
  return passed;
}

/** A place in the project that runs a unit: a call or include node of another unit. */
export interface RunSite {
  readonly unit: Unit;
  readonly node: number;
}

/**
 * For units analysed on their own (as the rules see them): every place in the project that runs
 * them, when all of them can be seen, so the unit can be entered with what they all know.
 * A file's top level is run by the includes that reach it (a file no file includes starts a
 * request: it gets none); a function or a method by its calls, when it is never also used as a
 * callable, a hook or a store handler (as for `argumentsPassedByCallers`). A public or
 * protected method is also run by every call of a method of its name on a receiver the
 * analysis cannot type (`$adminer->databases()` in a page that gets `$adminer` from its
 * includer): those are places that may run it, so they count too. (A call whose method name is
 * computed is not counted, as such a call is taken to run nothing elsewhere.)
 */
export function placesThatRun(files: readonly FileIR[], resolver: CallResolver): Map<Unit, RunSite[]> {
  const sites = new Map<Unit, RunSite[]>();
  const unknown = new Set<Unit>();
  // Calls of a method on a receiver of unknown class, by lower-case method name.
  const untypedCalls = new Map<string, RunSite[]>();
  const runnable = (unit: Unit): boolean => unit.kind === 'script' || unit.kind === 'function' || unit.kind === 'method';
  for (const file of files) {
    for (const unit of file.units) {
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind === 'call' && effect.target.type === 'unknown-method') {
          let list = untypedCalls.get(effect.target.method);
          if (!list) untypedCalls.set(effect.target.method, (list = []));
          list.push({ unit, node: node.id });
        }
        if (effect?.kind !== 'call' || effect.target.type === 'parameter') continue;
        for (const callee of resolver.resolve(effect.target, unit, effect.span)) {
          // A script runs only through includes; a function only through calls.
          if (!runnable(callee) || (callee.kind === 'script') !== (effect.target.type === 'include')) continue;
          let list = sites.get(callee);
          if (!list) sites.set(callee, (list = []));
          list.push({ unit, node: node.id });
        }
        for (const callable of effect.callables ?? []) {
          if (callable.target.type === 'parameter') continue;
          for (const callee of resolver.resolve(callable.target, unit, effect.span)) unknown.add(callee);
        }
      }
    }
    for (const registration of file.registrations) {
      const from = file.units[0];
      if (!from) continue;
      for (const callee of resolver.resolve(registration.target, from, registration.span)) unknown.add(callee);
    }
    for (const install of file.storeInstalls) {
      const from = file.units[0];
      if (!from) continue;
      for (const target of install.code) for (const callee of resolver.resolve(target, from, install.span)) unknown.add(callee);
    }
  }
  if (untypedCalls.size > 0) {
    for (const file of files) {
      for (const unit of file.units) {
        if (unit.kind !== 'method' || unit.visibility === 'private') continue;
        const untyped = untypedCalls.get(methodName(unit));
        if (untyped) sites.set(unit, [...(sites.get(unit) ?? []), ...untyped]);
      }
    }
  }
  for (const callee of unknown) sites.delete(callee);
  return sites;
}

/** A method unit's lower-case name (its id `method:app\\db::run` → `run`). */
function methodName(unit: Unit): string {
  // A second declaration of the same name in a file has `#2` appended.
  const name = unit.id.toLowerCase().replace(/#\d+$/, '');
  const at = name.lastIndexOf('::');
  return at >= 0 ? name.slice(at + 2) : name;
}

/** A call of a unit: the calling unit and the CFG node of the call. */
export type CallSite = RunSite;

/**
 * Every call of each function and private method of the project, when all of them can be seen:
 * `placesThatRun` without the files' top levels. For fixes that must know what callers do after
 * the call returns.
 */
export function callSitesOf(
  files: readonly FileIR[],
  resolver: CallResolver,
  sites: ReadonlyMap<Unit, readonly RunSite[]> = placesThatRun(files, resolver),
): Map<Unit, readonly CallSite[]> {
  return new Map([...sites].filter(([unit]) => functionOrPrivateMethod(unit)));
}

/**
 * Units whose every call the project shows, whatever the rest of the project does: a public
 * method may also be called from outside it (a framework's router), which matters where a
 * wrong guess would change what the code does (defaults, fixes), not for entry facts.
 */
function functionOrPrivateMethod(unit: Unit): boolean {
  return unit.kind === 'function' || (unit.kind === 'method' && unit.visibility === 'private');
}

/**
 * `placesThatRun` cut to what can be used without order mattering: a unit that runs itself
 * through its callers (recursion, files that include each other) gets nothing, and neither does
 * one whose chain of callers with sites of their own is deeper than `maxDepth` (what its callers
 * know would have to be worked out that many levels up first). What is left is a graph without
 * cycles, so a unit's callers can be analysed before it, each once.
 */
export function acyclicRunSites(sites: ReadonlyMap<Unit, readonly RunSite[]>, maxDepth: number): Map<Unit, readonly RunSite[]> {
  const cyclic = unitsOnCycles(sites);
  const depth = new Map<Unit, number>();
  const kept = new Map<Unit, readonly RunSite[]>();
  // Longest chain of callers with sites above each unit (iterative, callers first).
  const depthOf = (root: Unit): number => {
    const stack: { unit: Unit; expanded: boolean }[] = [{ unit: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (depth.has(top.unit)) {
        stack.pop();
        continue;
      }
      const own = cyclic.has(top.unit) ? undefined : sites.get(top.unit);
      if (!own) {
        depth.set(top.unit, 0);
        stack.pop();
        continue;
      }
      if (!top.expanded) {
        top.expanded = true;
        for (const site of own) if (!depth.has(site.unit)) stack.push({ unit: site.unit, expanded: false });
        continue;
      }
      const callers = Math.max(0, ...own.map((site) => depth.get(site.unit) ?? 0));
      const mine = callers + 1;
      if (mine > maxDepth) depth.set(top.unit, 0);
      else {
        depth.set(top.unit, mine);
        kept.set(top.unit, own);
      }
      stack.pop();
    }
    return depth.get(root)!;
  };
  for (const unit of sites.keys()) depthOf(unit);
  return kept;
}

/** The units on a cycle of the "runs" graph (caller → callee), self-calls included (Tarjan, iterative). */
function unitsOnCycles(sites: ReadonlyMap<Unit, readonly RunSite[]>): Set<Unit> {
  // Edges callee → caller: a cycle is a cycle either way.
  const next = (unit: Unit): readonly Unit[] => (sites.get(unit) ?? []).map((site) => site.unit);
  const index = new Map<Unit, number>();
  const low = new Map<Unit, number>();
  const onStack = new Set<Unit>();
  const stack: Unit[] = [];
  const cyclic = new Set<Unit>();
  let counter = 0;
  for (const root of sites.keys()) {
    if (index.has(root)) continue;
    const work: { unit: Unit; edges: readonly Unit[]; at: number }[] = [];
    const visit = (unit: Unit): void => {
      index.set(unit, counter);
      low.set(unit, counter++);
      stack.push(unit);
      onStack.add(unit);
      work.push({ unit, edges: next(unit), at: 0 });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.at < frame.edges.length) {
        const to = frame.edges[frame.at++]!;
        if (to === frame.unit) cyclic.add(to);
        if (!index.has(to)) visit(to);
        else if (onStack.has(to)) low.set(frame.unit, Math.min(low.get(frame.unit)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.unit, Math.min(low.get(parent.unit)!, low.get(frame.unit)!));
      if (low.get(frame.unit) === index.get(frame.unit)) {
        const component: Unit[] = [];
        let member: Unit;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.unit);
        if (component.length > 1) component.forEach((unit) => cyclic.add(unit));
      }
    }
  }
  return cyclic;
}
