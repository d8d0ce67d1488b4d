import type { CallResolver, FileIR, ProjectSymbols, Span, Unit } from '../../core/src';

/**
 * Code that serves no web request, so that no user waits for a lock it holds: scripts that
 * run only from the command line, and test classes. Their session findings are not reported.
 */

/**
 * Rules about the session of a web request: moot where no request runs. A session in a
 * command-line script has no client: no cookie brings it back, so no other request waits for
 * its lock (`held-across-slow-call`, `prefer-read-and-close`) and no later request reads what
 * it writes, or fails to (`write-after-close`, `reopen-after-output`).
 */
export const REQUEST_SESSION_RULES: ReadonlySet<string> = new Set(['held-across-slow-call', 'prefer-read-and-close', 'write-after-close', 'reopen-after-output']);

/** An included file's CLI check is followed this many includes deep. */
const MAX_INCLUDE_DEPTH = 8;

/** Why a file runs from the command line, and from where on. */
export interface CommandLineScript {
  /** For `--verbose`. */
  readonly reason: string;
  /**
   * The offset where the check that ends web requests starts: code before it also runs for
   * web requests (a check that exits dominates only what follows). Undefined: the whole file.
   */
  readonly from?: number;
}

/**
 * The PHP files that run only from the command line: their own top level says so (a `#!`
 * line, a SAPI check that exits, `$argv`), or a file they include at their top level ends
 * the script unless PHP runs from the command line.
 */
export function commandLineFiles(
  irs: readonly FileIR[],
  resolver: CallResolver,
  lineOf: (span: Span) => number,
  /** Whether the top-level call at this span ever returns (false: project code that always ends the script). */
  callReturns: (ir: FileIR, call: Span) => boolean | undefined = () => undefined,
): Map<FileIR, CommandLineScript> {
  const byFile = new Map(irs.map((ir) => [ir.file, ir] as const));
  const result = new Map<FileIR, CommandLineScript>();
  for (const ir of irs) {
    if (ir.language !== 'php') continue;
    const own = ir.executionContext?.commandLine;
    if (own) {
      const reason = `${EVIDENCE[own.kind]} (line ${lineOf(own.span)})`;
      result.set(ir, own.kind === 'sapi-check' ? { reason, from: own.span.start } : { reason });
      continue;
    }
    const ownCall = callGuard(ir, callReturns);
    if (ownCall) {
      result.set(ir, { reason: `it exits unless \`PHP_SAPI\` is \`cli\`, through a call that never returns (line ${lineOf(ownCall)})`, from: ownCall.start });
      continue;
    }
    const guard = includedGuard(ir, byFile, resolver, 0, new Set(), callReturns);
    const called = routineCallGuard(ir, byFile, resolver, callReturns);
    if (called && (!guard || called.call.start < guard.include.start)) {
      // The call itself runs on web requests too (up to its check): what follows it does not.
      result.set(ir, {
        reason: `it calls \`${called.name}\` (line ${lineOf(called.call)}), which exits unless PHP runs from the command line (${called.check.file}, line ${lineOf(called.check)})`,
        from: called.call.end,
      });
    } else if (guard) {
      result.set(ir, {
        reason: `it includes \`${guard.check.file}\`, which exits unless PHP runs from the command line (line ${lineOf(guard.check)})`,
        from: guard.include.start,
      });
    }
  }
  return result;
}

/**
 * The first top-level call whose every target is a function or method that ends the script
 * unless PHP runs from the command line (`ExecutionContext.commandLineRoutines`; MediaWiki's
 * `$runner->init($maintClass);`), with the target's check.
 */
function routineCallGuard(
  ir: FileIR,
  byFile: ReadonlyMap<string, FileIR>,
  resolver: CallResolver,
  callReturns: (ir: FileIR, call: Span) => boolean | undefined,
): { call: Span; check: Span; name: string } | undefined {
  const calls = ir.executionContext?.topLevelCalls ?? [];
  if (calls.length === 0) return undefined;
  const script = ir.units.find((unit) => unit.kind === 'script');
  if (!script) return undefined;
  for (const call of calls) {
    const effect = script.cfg.nodes.find((node) => node.effect?.kind === 'call' && node.effect.span.start === call.start && node.effect.span.end === call.end)?.effect;
    if (effect?.kind !== 'call') continue;
    const targets = resolver.resolve(effect.target, script, effect.span);
    if (targets.length === 0) continue;
    const checks = targets.map((unit) => routineGuard(unit, byFile, callReturns));
    if (checks.every((check) => check !== undefined)) return { call, check: checks[0]!, name: targets[0]!.displayName };
  }
  return undefined;
}

/** The check a function or method begins with that ends the script off the command line, when it holds. */
export function routineGuard(unit: Unit, byFile: ReadonlyMap<string, FileIR>, callReturns: (ir: FileIR, call: Span) => boolean | undefined): Span | undefined {
  if (unit.kind !== 'function' && unit.kind !== 'method') return undefined;
  const ir = byFile.get(unit.span.file);
  const routine = ir?.executionContext?.commandLineRoutines?.find((one) => one.routine.start === unit.span.start && one.routine.end === unit.span.end);
  if (!ir || !routine) return undefined;
  return routine.call === undefined || callReturns(ir, routine.call) === false ? routine.check : undefined;
}

const EVIDENCE = {
  shebang: 'it starts with a `#!` line',
  'sapi-check': 'it exits unless `PHP_SAPI` is `cli`',
  argv: 'it reads its command-line arguments',
} as const;

/**
 * The first top-level include whose every target has a SAPI check (or includes one), with
 * that check.
 */
function includedGuard(
  ir: FileIR,
  byFile: ReadonlyMap<string, FileIR>,
  resolver: CallResolver,
  depth: number,
  seen: Set<string>,
  callReturns: (ir: FileIR, call: Span) => boolean | undefined,
): { include: Span; check: Span } | undefined {
  if (depth >= MAX_INCLUDE_DEPTH || seen.has(ir.file)) return undefined;
  seen.add(ir.file);
  const script = ir.units.find((unit) => unit.kind === 'script');
  if (!script) return undefined;
  for (const span of ir.executionContext?.topLevelIncludes ?? []) {
    const effect = script.cfg.nodes.find((node) => node.effect?.kind === 'call' && node.effect.target.type === 'include' && node.effect.span.start === span.start)?.effect;
    if (effect?.kind !== 'call') continue;
    const targets = resolver.resolve(effect.target, script, effect.span);
    if (targets.length === 0) continue;
    const checks = targets.map((unit) => {
      const included = byFile.get(unit.span.file);
      return included
        ? (included.executionContext?.exitsUnlessCli ??
          callGuard(included, callReturns) ??
          routineCallGuard(included, byFile, resolver, callReturns)?.check ??
          includedGuard(included, byFile, resolver, depth + 1, seen, callReturns)?.check)
        : undefined;
    });
    if (checks.every((check) => check !== undefined)) return { include: span, check: checks[0]! };
  }
  return undefined;
}

/** The file's SAPI check that calls project code, when that call never returns: the check's span. */
function callGuard(ir: FileIR, callReturns: (ir: FileIR, call: Span) => boolean | undefined): Span | undefined {
  const guard = ir.executionContext?.callsUnlessCli;
  return guard && callReturns(ir, guard.call) === false ? guard.check : undefined;
}

/**
 * Whether the place is past the check its function begins with, which ends the script unless PHP
 * runs from the command line (`routineGuard`): code there serves no web request.
 */
export function pastRoutineGuard(ir: FileIR, span: Span, byFile: ReadonlyMap<string, FileIR>, callReturns: (ir: FileIR, call: Span) => boolean | undefined): boolean {
  const routines = ir.executionContext?.commandLineRoutines;
  if (!routines) return false;
  const routine = routines.find((one) => one.routine.start <= span.start && span.end <= one.routine.end && span.start >= one.check.end);
  const unit = routine && ir.units.find((one) => one.span.start === routine.routine.start && one.span.end === routine.routine.end);
  return unit !== undefined && routineGuard(unit, byFile, callReturns) !== undefined;
}

/**
 * How test base classes are named: PHPUnit's `TestCase` (`PHPUnit\Framework\TestCase`,
 * `PHPUnit_Framework_TestCase`) and the bases frameworks derive from it (`WP_UnitTestCase`,
 * `KernelTestCase`, a project's own `Tests\TestCase`).
 */
const TEST_BASE_SUFFIX = 'testcase';

/**
 * The units of test classes: methods (and closures in them) of classes whose parent chain,
 * followed through the project's declarations, reaches a class named `TestCase` or
 * `…TestCase`. A test serves no request.
 */
export function testClassUnits(irs: readonly FileIR[], symbols: ProjectSymbols): Set<Unit> {
  const verdicts = new Map<string, boolean>();
  const isTestClass = (name: string): boolean => {
    const known = verdicts.get(name);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    let verdict = false;
    for (let current: string | undefined = name; current && !seen.has(current); current = symbols.parentOf(current)) {
      seen.add(current);
      if (current !== name && shortName(current).endsWith(TEST_BASE_SUFFIX)) {
        verdict = true;
        break;
      }
    }
    verdicts.set(name, verdict);
    return verdict;
  };
  const units = new Set<Unit>();
  for (const ir of irs) {
    if (ir.language !== 'php') continue;
    const testClasses = new Set(ir.classes.filter((cls) => isTestClass(cls.name)).map((cls) => cls.name));
    if (testClasses.size === 0) continue;
    for (const unit of ir.units) if (unit.className !== undefined && testClasses.has(unit.className)) units.add(unit);
  }
  return units;
}

function shortName(name: string): string {
  return name.slice(name.lastIndexOf('\\') + 1);
}
