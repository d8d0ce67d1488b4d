import type { Fix } from './fix';
import type { Span } from './span';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation {
  readonly message: string;
  readonly span: Span;
  /**
   * Other slow work of the place itself, besides what the finding is about ("also while `x`
   * is held: …"): a finding grouped with others by their shared cause keeps it for each place.
   */
  readonly otherWork?: true;
}

/**
 * One problem, as the engine reports it: spans, not line numbers. Adapters (CLI, server)
 * turn spans into their own positions with a `LineIndex`.
 */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
  /**
   * Other places a suppression comment may sit for this finding: the slow call inside a loop
   * whose header is reported, where a user naturally puts the comment.
   */
  readonly anchors?: readonly Span[];
  /**
   * Why the finding is below its rule's severity, when something about the whole run lowered
   * it (the session store installed on its path takes no lock): the summary counts these.
   */
  readonly lowered?: string;
  /**
   * Why the finding is not reported although the rule found it (a session store that takes no
   * lock is installed on every path to it): the project analysis leaves it out and the
   * summary counts it.
   */
  readonly unreported?: string;
  /**
   * The effect the finding comes down to when it is reached through calls (the slow call or
   * the lost write inside a helper). Findings of one rule with the same cause are one problem:
   * the project analysis reports them once, at the cause, counting the places that reach it.
   */
  readonly cause?: FindingCause;
  /**
   * The same problem told from its next other cause (a held region's other slow work, whose
   * innermost call is another one), which carries the one after it, and so on. Not reported on
   * its own: the grouping by cause adds it when this finding becomes one of the places of a
   * group whose finding is told from another place, so that the region's other slow work is not
   * hidden behind that group.
   */
  readonly otherCauses?: readonly Finding[];
  /** The span of the unit (function, method, script) the finding is in: code frames quote only its lines. */
  readonly scope?: Span;
  /**
   * Slow work this caller passes to a helper that runs it with the helper's own resource held
   * (`withTransaction(chargeAndSave)`): the project analysis also reports the helper's call of
   * the callback once, naming every caller that passes slow work to it.
   */
  readonly passedToHelper?: PassedToHelper;
}

/** See `Finding.passedToHelper`. */
export interface PassedToHelper {
  /** The helper's call of the callback (`work(client)`), and how messages name it. */
  readonly call: Span;
  readonly callee: string;
  /** The calling unit (`chargeOrder()`) and the slow work it passes (`` `fetch()` ``). */
  readonly caller: string;
  readonly work: string;
  /** The resource as messages name it (`Pooled client \`client\``) and what holding it costs. */
  readonly resource: string;
  readonly consequence: string;
  /** Where the helper acquires it, as the caller's finding labels it. */
  readonly acquired?: { readonly span: Span; readonly label: string };
}

/** See `Finding.cause`. Together with the rule, `span` and `resource` are the grouping key. */
export interface FindingCause {
  readonly span: Span;
  /** The kind of what is held or lost: `session`, or a held resource's noun (`Pooled client`). */
  readonly resource: string;
  /** The problem told from the cause's own site, for the finding that stands for all of them. */
  readonly summary: string;
  /** The related location's label at each place that reaches it: "reached from here with the session lock held". */
  readonly reachedHere: string;
}

/** A problem with the input rather than with the code: parse errors, unreadable files. */
export interface InputError {
  readonly file: string;
  readonly message: string;
  readonly span?: Span;
  /** A bug of ours rather than a problem with the input: the run must not pass. */
  readonly internal?: boolean;
  /** The stack trace of an internal error, for `--verbose`. */
  readonly detail?: string;
}
