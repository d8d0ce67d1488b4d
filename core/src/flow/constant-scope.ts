import type { ResourceId } from '../ir/effects';
import { normalizePath } from './include-paths';
import type { FileIR, Unit } from '../ir/unit';
import type { ConstantScope } from './engine';
import { directRequestGuards } from './direct-request-guards';

/** What the project's includes tell about files: what a file reaches, and whether it is included. */
export interface IncludeStructure {
  includeClosure(file: string): ReadonlySet<string>;
  isIncluded(file: string): boolean;
}

/**
 * The constants whose `defined()` facts flow between units: those a unit tests next to a
 * session effect of its own (`if (!defined('POSTFIXADMIN_CLI')) session_start();`,
 * `if (!defined('MW_NO_SESSION_HANDLER')) …install…; … session_start();`). An entry script
 * starts with them undefined, `define()` makes them defined, and the facts reach the files
 * it includes and the callers of a helper that defines them. So do the constants a file's top
 * level tests to refuse direct requests (`if (!defined('CC_INI_SET')) die('Access Denied');`)
 * when the project defines them: a request of that file alone ends at the guard, and the files
 * that define the constant and include it pass it.
 */
export function constantScope(
  irs: readonly FileIR[],
  includes: IncludeStructure,
  sessionResources: ReadonlySet<ResourceId>,
  mayDefine: (name: string) => boolean = () => true,
): ConstantScope {
  const relevant = new Set<string>();
  const scripts = new Map<string, Unit>();
  const guards = new Map<Unit, readonly string[]>();
  for (const ir of irs) {
    for (const unit of ir.units) {
      if (unit.kind === 'script') scripts.set(normalizePath(ir.file), unit);
      // A guard against direct requests, on a constant the project defines (so some file of it
      // includes this one after defining it): a request of the file alone ends there.
      const guarded = directRequestGuards(unit).filter((subject) => mayDefine(subject.slice('const:'.length)));
      if (guarded.length > 0) {
        guards.set(unit, guarded);
        for (const subject of guarded) relevant.add(subject);
      }
      if (!unit.constantTests) continue;
      const sessionEffect = unit.cfg.nodes.some((node) => (node.effect?.kind === 'open' || node.effect?.kind === 'close') && sessionResources.has(node.effect.resource));
      if (sessionEffect || endsRequest(unit)) for (const subject of unit.constantTests) relevant.add(subject);
    }
  }
  const below = new Map<Unit, ReadonlySet<string>>();
  const testedBelow = (unit: Unit): ReadonlySet<string> => {
    let known = below.get(unit);
    if (known) return known;
    const tested = new Set(unit.constantTests ?? []);
    // A file's top level runs the top levels of the files it includes.
    if (unit.kind === 'script') {
      for (const file of includes.includeClosure(unit.span.file)) for (const subject of scripts.get(file)?.constantTests ?? []) tested.add(subject);
    }
    known = new Set([...tested].filter((subject) => relevant.has(subject)));
    below.set(unit, known);
    return known;
  };
  return {
    relevant,
    testedBelow,
    isEntry: (unit) => unit.kind === 'script' && !includes.isIncluded(unit.span.file),
    directRequestGuards: (unit) => guards.get(unit) ?? [],
    definableByInclude: (subject) => mayDefine(subject.slice('const:'.length)),
  };
}

/**
 * A function some path of which ends the request (`exit`, `die`): a redirect helper that exits
 * unless a constant is defined (`if (!defined('STOP_REDIRECT')) { header(…); exit; }`) decides
 * whether its callers' code after a `session_destroy()` runs, so its constants' facts flow too.
 * Not a file's top level: `defined('ABSPATH') || exit;` guards a file against direct requests,
 * and a file whose includer the analysis cannot find would then seem to end at once.
 */
function endsRequest(unit: Unit): boolean {
  if (unit.kind === 'script') return false;
  const end = unit.cfg.terminate;
  return unit.cfg.nodes.some((node) => node.succs.some((edge) => edge.to === end));
}
