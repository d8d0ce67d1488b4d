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
export function argumentsPassedByCallers(files: readonly FileIR[], resolver: CallResolver): Map<Unit, number> {
  const candidates = new Set(
    files.flatMap((file) => file.units).filter((unit) => unit.omittedArguments && (unit.kind === 'function' || (unit.kind === 'method' && unit.visibility === 'private'))),
  );
  const passed = new Map<Unit, number>();
  if (candidates.size === 0) return passed;
  const unknown = new Set<Unit>();
  for (const file of files) {
    for (const unit of file.units) {
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'call' || effect.target.type === 'parameter') continue;
        for (const callee of resolver.resolve(effect.target, unit, effect.span)) {
          if (!candidates.has(callee)) continue;
          if (effect.argumentCount === undefined) unknown.add(callee);
          else passed.set(callee, Math.max(passed.get(callee) ?? 0, effect.argumentCount));
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
  for (const callee of unknown) passed.delete(callee);
  return passed;
}

/** A call of a unit: the calling unit and the CFG node of the call. */
export interface CallSite {
  readonly unit: Unit;
  readonly node: number;
}

/**
 * Every call of each function and private method of the project, when all of them can be seen
 * (the same units and the same reasons as `argumentsPassedByCallers`): a unit also used as a
 * callable, registered as a hook or installed as a store handler is left out, and so is a unit
 * no code calls. For fixes that must know what callers do after the call returns.
 */
export function callSitesOf(files: readonly FileIR[], resolver: CallResolver): Map<Unit, CallSite[]> {
  const candidates = new Set(files.flatMap((file) => file.units).filter((unit) => unit.kind === 'function' || (unit.kind === 'method' && unit.visibility === 'private')));
  const sites = new Map<Unit, CallSite[]>();
  const unknown = new Set<Unit>();
  for (const file of files) {
    for (const unit of file.units) {
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'call' || effect.target.type === 'parameter') continue;
        for (const callee of resolver.resolve(effect.target, unit, effect.span)) {
          if (candidates.has(callee)) sites.set(callee, [...(sites.get(callee) ?? []), { unit, node: node.id }]);
        }
        for (const callable of effect.callables ?? []) {
          if (callable.target.type === 'parameter') continue;
          for (const callee of resolver.resolve(callable.target, unit, effect.span)) unknown.add(callee);
        }
      }
    }
    const from = file.units[0];
    if (!from) continue;
    for (const registration of file.registrations) for (const callee of resolver.resolve(registration.target, from, registration.span)) unknown.add(callee);
    for (const install of file.storeInstalls) for (const target of install.code) for (const callee of resolver.resolve(target, from, install.span)) unknown.add(callee);
  }
  for (const callee of unknown) sites.delete(callee);
  return sites;
}
