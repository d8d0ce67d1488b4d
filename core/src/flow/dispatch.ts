import type { CallEffect, CallTarget } from '../ir/effects';
import type { Unit } from '../ir/unit';
import { quoteCode } from '../text/quote-code';
import { includeSkeleton } from './include-skeletons';
import type { Step } from './state';

/**
 * A call that runs one of several candidates, chosen at run time by a name the code builds
 * (`new $class()` over the classes that fit a pattern, `$this->{"ping_" . $t}()`,
 * `call_user_func([$this->controller, $action])`, `call_user_func($mech . '_authenticate')`,
 * an interface's implementations, an include of a file-name skeleton in a folder chosen at run
 * time, `include-skeletons.ts`): the
 * candidates the analysis could bound from what the code shows. At the call only what all
 * of them do counts; each one, though, runs with whatever the caller holds, so a dispatch
 * made with the lock held makes every candidate an entry with the lock held
 * (`rules/src/dispatch-entries.ts`).
 */
export function isDispatchTarget(target: CallTarget): boolean {
  // A PHP method called on an object typed with an interface or an abstract class, whose
  // project implementations `ProjectResolver` returns, is not one: the object was built by code
  // the analysis often cannot type exactly (`X::create(): self` typed as the base class), so
  // entering every implementation with the caller's lock reports holds of classes that never
  // run there (fusionpbx's services); the engine keeps only what all of them do.
  // An include of a file-name skeleton in a folder chosen at run time (a module's action file)
  // runs the one file that folder and name pick: the files that fit are its candidates.
  if (target.type === 'include') return !target.alternatives && includeSkeleton(target.path) !== undefined;
  return target.type === 'dynamic-class' || target.type === 'dynamic-method' || target.type === 'dynamic-function' || target.type === 'implementations' || target.type === 'configured' || target.type === 'dispatch' || target.type === 'registry';
}

/** A dispatch made while the lock its unit was entered with is held, as its callers see it. */
export interface DispatchUnderLock {
  /** The candidates, one of which runs. */
  readonly candidates: readonly Unit[];
  /** From the caller's call down to the dispatching call itself (the last step). */
  readonly chain: readonly Step[];
  /** The dispatching call as written (`call_user_func()`), for messages. */
  readonly display: string;
  /** The lock is held there on some paths only: why, when the flow knows. */
  readonly maybe?: { readonly why?: string };
}

/** Dispatches a summary keeps: a handful per call explain every candidate's entry. */
export const MAX_DISPATCHES = 16;

/** The step at the dispatching call, seen from its caller: what it runs, and how many candidates there are. */
export function dispatchStep(effect: CallEffect, candidates: readonly Unit[]): Step {
  return {
    span: effect.span,
    label: `${quoteCode(effect.display)} runs one of ${candidates.length} candidates here (${candidateNames(candidates)}), chosen at run time`,
  };
}

function candidateNames(candidates: readonly Unit[]): string {
  const names = candidates.slice(0, 3).map((unit) => `\`${candidateName(unit)}\``);
  return candidates.length > 3 ? `${names.join(', ')}, …` : names.join(', ');
}

/** The step at the dispatching call, seen from one candidate: that it may run this one. */
export function candidateStep(dispatch: DispatchUnderLock, candidate: Unit): Step {
  const last = dispatch.chain[dispatch.chain.length - 1]!;
  const others = dispatch.candidates.length - 1;
  return {
    span: last.span,
    label: `${quoteCode(dispatch.display)} may run \`${candidateName(candidate)}\` here (one of ${others + 1} candidates, chosen at run time) with the session open`,
  };
}

/** A candidate as messages name it: a file's top level (an include's candidate) by its file. */
function candidateName(unit: Unit): string {
  return unit.kind === 'script' ? unit.span.file : unit.displayName;
}
