import type { CallResolver, FileIR, ProjectSymbols, RunSite, Span, Unit } from '../../core/src';

/**
 * Functions, methods and included files that only command-line code runs (a console command's
 * `execute()`, whose class only a `#!/usr/bin/env php` script instantiates; a helper file only
 * such a command includes). Like the command-line script itself, they serve no web request, so
 * no user waits for a lock they hold.
 *
 * A unit is taken as command-line only when the project shows at least one place that runs it
 * and every such place is command-line code: each call or include of it (`placesThatRun`, which
 * gives a unit used as a callable, a hook or a store handler no places: those stay unknown) and,
 * for a method, each `new` of its class or of a subclass, since an object made by a web request
 * can have any method called by code outside the project (a framework's dispatcher). A call
 * on an object of unknown class counts only where PHP lets it call the method (a protected one:
 * from its class's family). A unit nothing in the project runs is an entry, or called from
 * outside: never command-line only.
 */
export function commandLineOnlyUnits(
  irs: readonly FileIR[],
  resolver: CallResolver,
  symbols: ProjectSymbols,
  runSites: ReadonlyMap<Unit, readonly RunSite[]>,
  /** Whether code at this place runs for web requests (false after a check that ends them). */
  servesRequests: (span: Span) => boolean,
): Set<Unit> {
  const made = instantiations(irs, resolver, symbols);
  const placesOf = (unit: Unit): readonly RunSite[] => {
    const calls = (runSites.get(unit) ?? []).filter((site) => mayCall(site, unit, symbols));
    const news = unit.kind === 'method' && unit.className !== undefined ? (made.get(unit.className.toLowerCase()) ?? []) : [];
    return news.length === 0 ? calls : [...calls, ...news];
  };
  // Who each unit runs, so that a unit found command-line only has the units it runs looked at again.
  const runBy = new Map<Unit, Unit[]>();
  const candidates: Unit[] = [];
  for (const ir of irs) {
    if (ir.language !== 'php') continue;
    for (const unit of ir.units) {
      if (unit.kind === 'closure') continue;
      candidates.push(unit);
      for (const site of placesOf(unit)) {
        let list = runBy.get(site.unit);
        if (!list) runBy.set(site.unit, (list = []));
        list.push(unit);
      }
    }
  }
  const only = new Set<Unit>();
  const siteSpan = (site: RunSite): Span | undefined => {
    const effect = site.unit.cfg.nodes[site.node]?.effect;
    return effect && 'span' in effect ? effect.span : undefined;
  };
  const fromCommandLine = (site: RunSite): boolean => {
    if (only.has(site.unit)) return true;
    const span = siteSpan(site);
    return span !== undefined && !servesRequests(span);
  };
  const decide = (unit: Unit): boolean => {
    if (only.has(unit) || !servesRequests(unit.span)) return false;
    const places = placesOf(unit);
    return places.length > 0 && places.every(fromCommandLine);
  };
  const pending = [...candidates];
  for (let unit = pending.pop(); unit !== undefined; unit = pending.pop()) {
    if (!decide(unit)) continue;
    only.add(unit);
    pending.push(...(runBy.get(unit) ?? []));
  }
  return only;
}

/**
 * Whether a place that may run a method can call it: a call on an object of unknown class
 * (`$stmt->execute()`) counts for every public or protected method of that name, but PHP lets
 * only code of the class's own family (its parents and subclasses) call a protected one.
 */
function mayCall(site: RunSite, unit: Unit, symbols: ProjectSymbols): boolean {
  if (unit.kind !== 'method' || unit.visibility !== 'protected' || unit.className === undefined) return true;
  const effect = site.unit.cfg.nodes[site.node]?.effect;
  if (effect?.kind !== 'call' || effect.target.type !== 'unknown-method') return true;
  const caller = site.unit.className;
  return caller !== undefined && (inherits(caller, unit.className, symbols) || inherits(unit.className, caller, symbols));
}

/** Whether `className` is `ancestor` or extends it, at any depth. */
function inherits(className: string, ancestor: string, symbols: ProjectSymbols): boolean {
  return symbols.ancestry(className.toLowerCase()).includes(ancestor.toLowerCase());
}

/**
 * Where the project makes objects of each class (lower-case, fully qualified): every `new` of
 * it or of a class that extends it, a `new $class()` counted for each of its candidates.
 */
function instantiations(irs: readonly FileIR[], resolver: CallResolver, symbols: ProjectSymbols): Map<string, RunSite[]> {
  const made = new Map<string, RunSite[]>();
  const add = (className: string, site: RunSite): void => {
    for (const current of symbols.ancestry(className.toLowerCase())) {
      let list = made.get(current);
      if (!list) made.set(current, (list = []));
      list.push(site);
    }
  };
  for (const ir of irs) {
    if (ir.language !== 'php') continue;
    for (const unit of ir.units) {
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'call') continue;
        const site = { unit, node: node.id };
        if (effect.target.type === 'method' && effect.target.method === '__construct') add(effect.target.className, site);
        else if (effect.target.type === 'dynamic-class') {
          for (const className of resolver.classesMade?.(effect.target) ?? []) add(className, site);
        }
      }
    }
  }
  return made;
}
