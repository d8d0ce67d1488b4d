import {
  casesOf,
  spanKey,
  type CallResolver,
  type FileIR,
  type LockEvidence,
  type ResourceId,
  type ResourceState,
  type SessionStoreInfo,
  type SessionStoresAt,
  type Span,
  type StoreInstall,
  type Unit,
  type UnitFlow,
} from '../../core/src';

/** Calls followed from a store's `open`/`read` when looking for the lock it takes. */
const MAX_LOCK_DEPTH = 3;
/** Units read per store: a store's code is small; a bigger search says nothing more. */
const MAX_LOCK_UNITS = 60;

/**
 * The session stores the project installs (`session_set_save_handler()`), each with the lock
 * its `open`/`read` takes, if any: the handler's methods (or callables) and what they call,
 * a few calls deep, resolved like any call.
 */
export function projectSessionStores(irs: readonly FileIR[], resolver: CallResolver, lineOf: (span: Span) => number): Map<string, SessionStoreInfo> {
  const stores = new Map<string, SessionStoreInfo>();
  const children = subclasses(irs);
  for (const ir of irs) {
    for (const install of ir.storeInstalls) {
      const from = unitAround(ir, install.span);
      const { lock, known, implementers } = from ? lockOf(install, from, resolver, children) : { lock: undefined, known: false, implementers: undefined };
      stores.set(spanKey(install.span), {
        span: install.span,
        line: lineOf(install.span),
        // A handler typed by an interface or base class is named by the classes that implement it.
        display: implementers ?? install.display,
        known,
        ...(lock ? { lock } : {}),
      });
    }
  }
  return stores;
}

/**
 * The stores installed on the paths to a node where the session is open: the state of the
 * store resource there (open: installed on some path; open and not closed: on every path),
 * its open sites ending at the installs. The store flow does not know where the session is
 * open, so its paths are matched with the session's by their facts: a path of the store flow
 * whose facts contradict those of every path where the session is open (`Handler::isEnabled()`
 * was false there, so `session_start()` did not run) is not one of them. Nor, when the store
 * is installed on every path to each start that opened the session here (`installedAtStarts`),
 * is a path without it: the session is not open on such a path (`Session::start()` that returns
 * early when a session exists, else installs its store and starts).
 */
export function storesAt(
  stores: ReadonlyMap<string, SessionStoreInfo>,
  flowOf: (unit: Unit, resource: ResourceId) => UnitFlow,
  resource: ResourceId,
  sessionResource: ResourceId,
  startAt: (span: Span) => { unit: Unit; node: number } | undefined = () => undefined,
  gatingStore: (start: Span) => SessionStoreInfo | undefined = () => undefined,
): (unit: Unit, node: number) => SessionStoresAt | undefined {
  return (unit, node) => {
    if (stores.size === 0) return undefined;
    const session = flowOf(unit, sessionResource).states[node];
    // At a start itself (`prefer-read-and-close` asks there), the store behind that start.
    const effect = unit.cfg.nodes[node]?.effect;
    const atStart = effect?.kind === 'open' && effect.resource === sessionResource ? gatingStore(effect.span) : undefined;
    const gated = atStart ? [atStart] : session ? storesGatingEveryStart(session, gatingStore) : undefined;
    if (gated) return { every: true, stores: gated };
    const all = flowOf(unit, resource).states[node];
    const state = all && session ? whereOpen(all, session) : all;
    if (!state || state.open.length === 0) return undefined;
    const found: SessionStoreInfo[] = [];
    for (const site of state.open) {
      const last = site.chain[site.chain.length - 1];
      const store = last ? stores.get(spanKey(last.span)) : undefined;
      if (store && !found.includes(store)) found.push(store);
    }
    if (found.length === 0) return undefined;
    const every = !state.closed || (session !== undefined && installedAtStarts(session, found, flowOf, resource, startAt));
    return { every, stores: found };
  };
}

/**
 * The stores behind every start that opened the session (the last step of each open site's
 * chain), when each runs only once a store is installed (`store-holder-gates.ts`): then the
 * session is open through those stores wherever it is open here, whatever this unit saw of
 * their installs. Undefined when some start is not gated.
 */
function storesGatingEveryStart(session: ResourceState, gatingStore: (start: Span) => SessionStoreInfo | undefined): SessionStoreInfo[] | undefined {
  if (session.open.length === 0) return undefined;
  const found: SessionStoreInfo[] = [];
  for (const site of session.open) {
    const start = site.chain[site.chain.length - 1];
    const store = start ? gatingStore(start.span) : undefined;
    if (!store) return undefined;
    if (!found.includes(store)) found.push(store);
  }
  return found;
}

/**
 * Whether every start that opened the session (the last step of each open site's chain) ran
 * with one of `found` installed on every path to it, in its own unit analysed on its own (a
 * store installed by a caller before the call is not seen there: then this says no). An
 * installed store stays installed for the rest of the request, so wherever the session is
 * open, it was opened through the store.
 */
function installedAtStarts(
  session: ResourceState,
  found: readonly SessionStoreInfo[],
  flowOf: (unit: Unit, resource: ResourceId) => UnitFlow,
  resource: ResourceId,
  startAt: (span: Span) => { unit: Unit; node: number } | undefined,
): boolean {
  if (session.open.length === 0) return false;
  return session.open.every((site) => {
    const start = site.chain[site.chain.length - 1];
    const at = start ? startAt(start.span) : undefined;
    const store = at ? flowOf(at.unit, resource).states[at.node] : undefined;
    if (!store || store.closed || store.open.length === 0) return false;
    return store.open.every((installed) => {
      const last = installed.chain[installed.chain.length - 1];
      return last !== undefined && found.some((one) => spanKey(one.span) === spanKey(last.span));
    });
  });
}

/**
 * The store state's paths that may be ones where the session is open: its cases whose facts
 * agree with those of some open case of the session state (no predicate known both ways).
 * All of them when none agrees (facts forgotten at a join: nothing to tell them apart).
 */
function whereOpen(store: ResourceState, session: ResourceState): ResourceState {
  if (!store.cases) return store;
  const open = casesOf(session).filter((one) => one.open.length > 0);
  const agrees = (a: ResourceState, b: ResourceState): boolean =>
    !(a.facts ?? []).some((fact) => (b.facts ?? []).some((other) => other.predicate === fact.predicate && other.value !== fact.value));
  const kept = store.cases.filter((one) => open.some((other) => agrees(one, other)));
  if (kept.length === 0 || kept.length === store.cases.length) return store;
  return { ...store, closed: kept.some((one) => one.closed), open: unionOpen(kept) };
}

/** The open sites of some cases, each once. */
function unionOpen(cases: readonly ResourceState[]): ResourceState['open'] {
  const sites = new Map<string, ResourceState['open'][number]>();
  for (const one of cases) for (const site of one.open) if (!sites.has(site.key)) sites.set(site.key, site);
  return [...sites.values()];
}

/**
 * The lock the store's code takes: in one of its methods (`open`, `read`), every
 * implementation of which takes it. A method declared abstract (`[$this, 'read']` in a base
 * class) or in an interface the handler is typed by is implemented by the project's classes
 * below it: the store locks only if all of them do.
 */
function lockOf(
  install: StoreInstall,
  from: Unit,
  resolver: CallResolver,
  children: ReadonlyMap<string, readonly string[]>,
): { lock: LockEvidence | undefined; known: boolean; implementers?: string } {
  let known = false;
  let implementers: string | undefined;
  for (const target of install.code) {
    let units = resolver.resolve(target, from, install.span);
    if (units.length === 0 && target.type === 'method') {
      units = descendants(target.className, children).flatMap((className) => resolver.resolve({ ...target, className }, from, install.span));
      if (units.length > 0) implementers ??= classesOf(units);
    }
    if (units.length === 0) continue;
    known = true;
    const locks = [...new Set(units)].map((unit) => lockIn(unit, resolver));
    if (locks.every((lock) => lock !== undefined)) return { lock: locks[0], known, ...(implementers ? { implementers } : {}) };
  }
  return { lock: undefined, known, ...(implementers ? { implementers } : {}) };
}

/** "`DbTable`", "`FileStore` or `DbStore`": the classes of methods, as their declarations write them. */
function classesOf(units: readonly Unit[]): string {
  const names = [...new Set(units.map((unit) => unit.displayName.split('::')[0]!))].slice(0, 3);
  return names.map((name) => `\`${name}\``).join(' or ');
}

/** The first lock taken by a unit or what it calls, a few calls deep. */
function lockIn(start: Unit, resolver: CallResolver): LockEvidence | undefined {
  let level: Unit[] = [start];
  const seen = new Set<Unit>();
  for (let depth = 0; depth <= MAX_LOCK_DEPTH && level.length > 0; depth++) {
    const next: Unit[] = [];
    for (const unit of level) {
      if (seen.has(unit) || seen.size >= MAX_LOCK_UNITS) continue;
      seen.add(unit);
      if (unit.lockEvidence) return unit.lockEvidence;
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'call' || effect.target.type === 'include') continue;
        next.push(...resolver.resolve(effect.target, unit, effect.span));
      }
    }
    level = next;
  }
  return undefined;
}

/**
 * Class or interface → the classes that extend or implement it directly: a handler typed by
 * an interface (`setSaveHandler(\SessionHandlerInterface $handler)`) is one of the project's
 * classes that implement it.
 */
function subclasses(irs: readonly FileIR[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  const add = (base: string, name: string): void => {
    const list = children.get(base) ?? [];
    if (!list.includes(name)) list.push(name);
    children.set(base, list);
  };
  for (const ir of irs) {
    for (const cls of ir.classes) {
      if (cls.parent) add(cls.parent, cls.name);
      for (const implemented of cls.interfaces ?? []) add(implemented, cls.name);
    }
  }
  return children;
}

/** Every class below `className`, nearest first (bounded: a store's hierarchy is small). */
function descendants(className: string, children: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  const queue = [...(children.get(className) ?? [])];
  while (queue.length > 0 && found.length < MAX_LOCK_UNITS) {
    const next = queue.shift()!;
    if (found.includes(next)) continue;
    found.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

/** The innermost unit of the file whose text holds the span. */
export function unitAround(ir: FileIR, span: Span): Unit | undefined {
  let best: Unit | undefined;
  for (const unit of ir.units) {
    if (unit.span.start > span.start || unit.span.end < span.end) continue;
    if (!best || unit.span.end - unit.span.start < best.span.end - best.span.start) best = unit;
  }
  return best;
}

/**
 * The unit and node of the session start written at `span` (the last step of an open site's
 * chain), found once per file: the store's state there tells whether it was installed first.
 * A start by a callable handed to a call is that call (`callAround`).
 */
export function sessionStartAt(irOfFile: ReadonlyMap<string, FileIR>, sessionResource: ResourceId): (span: Span) => { unit: Unit; node: number } | undefined {
  const starts = new Map<string, Map<string, { unit: Unit; node: number } | undefined>>();
  return (span) => {
    let inFile = starts.get(span.file);
    if (!inFile) {
      inFile = new Map();
      for (const unit of irOfFile.get(span.file)?.units ?? []) {
        for (const node of unit.cfg.nodes) {
          const effect = node.effect;
          if (effect?.kind === 'open' && effect.resource === sessionResource && !inFile.has(spanKey(effect.span)) && !namesCallable(unit)) inFile.set(spanKey(effect.span), { unit, node: node.id });
        }
      }
      starts.set(span.file, inFile);
    }
    const key = spanKey(span);
    if (!inFile.has(key)) inFile.set(key, callAround(irOfFile.get(span.file), span));
    return inFile.get(key);
  };
}

/** The unit made for a callable named by a string (`'session_start'`): it is placed at the string itself. */
function namesCallable(unit: Unit): boolean {
  return unit.kind === 'closure' && unit.span.start === unit.endSpan.start && unit.span.end === unit.endSpan.end;
}

/**
 * The innermost call whose text holds the span: the start named by a callable another function
 * runs (`AtEase::quietCall('session_start')`) is that call, in the unit that names it.
 */
function callAround(ir: FileIR | undefined, span: Span): { unit: Unit; node: number } | undefined {
  let best: { unit: Unit; node: number; size: number } | undefined;
  for (const unit of ir?.units ?? []) {
    if (unit.span.start > span.start || unit.span.end < span.end || namesCallable(unit)) continue;
    for (const node of unit.cfg.nodes) {
      const effect = node.effect;
      if (effect?.kind !== 'call' || effect.span.start > span.start || effect.span.end < span.end) continue;
      const size = effect.span.end - effect.span.start;
      if (!best || size < best.size) best = { unit, node: node.id, size };
    }
  }
  return best && { unit: best.unit, node: best.node };
}
