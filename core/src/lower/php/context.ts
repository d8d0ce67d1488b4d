import { freshObjectProperty } from './fresh-objects';
import type { Catalog } from '../../catalog';
import type { PendingEdge } from '../../ir/cfg-builder';
import { JumpStack } from '../jump-stack';
import type { LockEvidence, Registration, StoreInstall, Unit } from '../../ir/unit';
import type { Span } from '../../model/span';
import type { StaticString } from '../../ir/static-string';
import type { SyntaxNode } from '../../parse/php';
import type { LineIndex } from '../../text/line-index';
import type { ProjectSymbols } from '../../project/symbols';
import type { NameScope } from './names';
import type { Timeouts } from './timeouts';
import { collectDefinitions } from './bootstrap-includes';
import { enclosingClass, classStatics, type ClassStatic } from './class-statics';
import { NO_TRACKED_PREDICATES, stripLeadingBackslash, type Literal, type PredicateScope, type PureLookup, type TrackedPredicates } from './predicates';

/** A part of a file that could not be lowered; `internal` when a bug of ours was the reason. */
export interface LoweringProblem {
  readonly span: Span;
  readonly message: string;
  readonly internal?: boolean;
  /** The stack trace of an internal error. */
  readonly detail?: string;
}

/** Facts about the whole file that every unit's lowering needs. */
export interface FileFacts {
  readonly file: string;
  readonly lines: LineIndex;
  readonly catalog: Catalog;
  /** The declarations of the project (or of this file alone). */
  readonly symbols: ProjectSymbols;
  /** Where the project installs its own session store (`session_set_save_handler()`). */
  readonly storeInstalls: StoreInstall[];
  /** Hook registrations found while lowering (`add_action(...)`). */
  readonly registrations: Registration[];
  /** File reads on a path the analysis cannot know: not slow work, said under `--verbose`. */
  readonly uncountedReads: { span: Span; callee: string }[];
  /** PHP functions named by a string handed to project code, each a unit at its literal (`native-callables.ts`), by literal start. */
  readonly nativeCallables: Map<number, Unit>;
  /** Problems met while lowering (too deep nesting), reported as input errors. */
  readonly problems: LoweringProblem[];
  /** Top-level statements (by node id) → the namespace scope they run in. */
  readonly statementScopes: ReadonlyMap<number, NameScope>;
  /**
   * The classes a private property may hold (`$this->controller = new $name()`), by class body
   * start and property, worked out once per file (`dispatch-target.ts`); null: not bounded.
   */
  readonly receiverClasses: Map<string, readonly StaticString[] | null>;
}

/** A frame of the jump stack: what `break`, `continue`, `return` and `throw` pass through. */
export type JumpFrame =
  | { readonly kind: 'loop'; readonly breaks: PendingEdge[]; readonly continues: PendingEdge[] }
  | { readonly kind: 'catch'; readonly dispatch: number }
  | { readonly kind: 'finally'; readonly body: SyntaxNode; readonly loop: number | undefined; exceptionEntry?: number };


export class UnitContext extends JumpStack<SyntaxNode, JumpFrame> {
  /** `$name` → lower-case class name, from `new`, typed parameters and known return types. */
  readonly variableTypes = new Map<string, string>();
  /** The variables a function declares `global $x;` (its `$GLOBALS['x']` is its `$x`: `globals-elements.ts`). */
  declaredGlobals: ReadonlySet<string> = new Set();
  /** `$name` → its position among the unit's parameters (for `$callback()`). */
  readonly parameters = new Map<string, number>();
  /** `$name` → the unit's parameters with a literal default (`$check = true`). */
  parameterDefaults: ReadonlyMap<string, { readonly index: number; readonly value: Literal }> = new Map();
  /** `$name` → the value of its only assignment in the unit (for `$s = session_status()`). */
  readonly singleAssignments = new Map<string, SyntaxNode>();
  /** Branch predicates the flow remembers along paths (tested twice, over stable subjects). */
  predicates: TrackedPredicates = NO_TRACKED_PREDICATES;
  /** `$name` → the values of all its plain assignments in the unit (for what a path may be). */
  readonly assignments = new Map<string, SyntaxNode[]>();
  /** Timeouts set on handles so far (`curl_setopt($ch, CURLOPT_TIMEOUT, 10)`), by the handle as written. */
  readonly handleTimeouts = new Map<string, Timeouts>();
  readonly labels = new Map<string, number>();
  readonly pendingGotos = new Map<string, PendingEdge[]>();
  /** Inside a branch or loop condition. */
  inCondition = 0;
  /**
   * Inside a condition that decides whether a loop goes on: the loop's own, or an `if`'s that
   * leaves the loop (clock reads there make polling loops: `loop-control.ts`).
   */
  loopControl = 0;
  /**
   * Inside statements whose output an output buffer opened before them in the same block
   * captures and discards (`ob_start(); fpassthru($blob); $data = ob_get_clean();`): it never
   * reaches the client (`output-buffers.ts`).
   */
  capturedOutput = 0;
  /** The unit's syntax node (its body is searched for `define()` calls on demand). */
  unitNode: SyntaxNode | undefined;
  /** The by-value parameters the unit never changes, by `$name` (`parameter-branches.ts`, worked out on first use). */
  fixedParameters: ReadonlyMap<string, number> | undefined;
  private definitionsCache: { name: string; start: number; truthy: boolean }[] | undefined;
  /** The unit's first call that takes a lock of its own (read for session stores). */
  lockEvidence: LockEvidence | undefined;
  /** The constants (`const:X`) whose `defined('X')` the unit's conditions test. */
  readonly constantTests = new Set<string>();
  /**
   * Lower-case class of `$this` in a method other than the constructor: its properties have
   * the values every construction gives them (`constructed-tests.ts`). Undefined elsewhere.
   */
  objectClass: string | undefined;
  /** Properties the unit installs as its session store, with the object assigned (computed once). */
  storeHolders: Map<string, SyntaxNode> | undefined;

  constructor(
    readonly facts: FileFacts,
    /** Changes while lowering a file's top level, as it passes `namespace` statements. */
    public names: NameScope,
    /** Lower-case fq class of `$this`/`self`, when inside a class. */
    readonly className: string | undefined,
  ) {
    super();
  }

  /** A call of a project function that is pure in every file declaring it (`ini_bool('x')`). */
  readonly pureLookup: PureLookup = (call) => {
    const callee = call.type === 'function_call_expression' ? call.childForFieldName('function') : null;
    if (callee?.type !== 'name' && callee?.type !== 'qualified_name') return undefined;
    const name = this.names.functionCandidates(callee.text).find((candidate) => this.facts.symbols.hasFunction(candidate));
    const fn = name ? this.facts.symbols.pureFunction(name) : undefined;
    return name && fn ? { name: stripLeadingBackslash(callee.text).toLowerCase(), fn } : undefined;
  };

  private readonly freshObjects = new Map<string, { className: string; after: number } | null>();

  /** `$cfg->noAuth` after `$cfg = new Cfg();` of a class built alike every time (`fresh-objects.ts`). */
  readonly freshLookup = (node: SyntaxNode): { key: string; subject: string } | undefined =>
    freshObjectProperty(node, this.unitNode, (written) => this.names.resolveClass(written), (className) => this.facts.symbols.constructsAlike(className), this.freshObjects);

  /**
   * The unit itself starts or closes the session: the static properties it tests are
   * remembered even when tested once (`if (!self::$volatile) session_start();`), since they
   * are facts across calls and decide its session effects.
   */
  touchesSession = false;

  /** Inside `return <boolean expression>` (`lowerBooleanReturn`): its static property tests are remembered. */
  inBooleanReturn = 0;

  private classStaticsCache: ReadonlyMap<string, ClassStatic> | undefined;

  /** The `private static` and `protected static` properties of the unit's class, by `$name` (empty outside a class). */
  get classStatics(): ReadonlyMap<string, ClassStatic> {
    this.classStaticsCache ??= this.className !== undefined && this.unitNode ? classStatics(enclosingClass(this.unitNode)) : new Map();
    return this.classStaticsCache;
  }

  /** What this unit's predicates are read against. */
  get predicateScope(): PredicateScope {
    const session = { sessionVariable: this.catalog.sessionVariable };
    return this.className !== undefined
      ? { pure: this.pureLookup, freshProperty: this.freshLookup, selfClass: this.className, classStatics: this.classStatics, ...session }
      : { pure: this.pureLookup, freshProperty: this.freshLookup, ...session };
  }

  /** The unit's `define('NAME', value)` calls, in no particular order. */
  definitions(): readonly { name: string; start: number; truthy: boolean }[] {
    this.definitionsCache ??= this.unitNode ? collectDefinitions(this.unitNode) : [];
    return this.definitionsCache;
  }

  get catalog(): Catalog {
    return this.facts.catalog;
  }

  span(node: SyntaxNode): Span {
    return { file: this.facts.file, start: node.startIndex, end: node.endIndex };
  }

  line(node: SyntaxNode): number {
    return this.facts.lines.positionAt(node.startIndex).line + 1;
  }

  /** True when the subtree is too deep to lower; reports it once per unit. */
  tooDeep(node: SyntaxNode): boolean {
    return this.tooDeepAt(this.span(node), this.facts.problems);
  }
}
