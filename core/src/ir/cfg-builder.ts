import type { Span } from '../model/span';
import type { Cfg, CfgNode, Edge, ErrorPath, LoopBound, LoopInfo, LoopKind, OnceMark, ParameterTestMark, SettingMark } from './cfg';
import type { Effect } from './effects';

/** Past this many dangling edges, a join ties them to one node. */
const MAX_PENDING_EDGES = 8;
/** Past this length, a note stops taking more conditions (see `andNote`). */
const MAX_NOTE_LENGTH = 240;

function dedupe(edges: readonly PendingEdge[]): PendingEdge[] {
  const seen = new Set<string>();
  const result: PendingEdge[] = [];
  for (const edge of edges) {
    const key = `${edge.from}\u0000${edge.note ?? ''}\u0000${edge.parameterTest ? JSON.stringify(edge.parameterTest) : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(edge);
  }
  return result;
}

/** An edge whose target is not known yet. */
export interface PendingEdge {
  readonly from: number;
  readonly note?: string;
  /** The outcome of a parameter's test this edge needs (`Edge.parameterTest`). */
  readonly parameterTest?: ParameterTestMark;
}

/** Where control is: the edges that reach the next node. Empty means unreachable. */
export type Cursor = readonly PendingEdge[];

interface MutableNode {
  id: number;
  effect?: Effect;
  succs: Edge[];
  loop?: number;
  endsWork?: true;
  once?: OnceMark;
  errorPath?: ErrorPath;
  failureBranch?: true;
  setting?: SettingMark;
  urlParameter?: number;
  lacksEnvironment?: string;
}

/**
 * Builds a CFG by threading "cursors" (lists of dangling edges) through the lowering: a
 * branch returns two cursors, a join concatenates them, and `emit` ties them to a new node.
 * No join nodes are needed, and code after `return` simply has an empty cursor.
 */
export class CfgBuilder {
  private readonly nodes: MutableNode[] = [];
  private readonly loops: LoopInfo[] = [];
  readonly entry: number;
  readonly exit: number;
  readonly terminate: number;
  readonly throwExit: number;
  /** Innermost loop being lowered; new nodes are tagged with it. */
  currentLoop: number | undefined;
  /** One-time initialisation being lowered; new nodes are tagged with it. */
  currentOnce: OnceMark | undefined;
  /** A `catch` block being lowered: new nodes run only after an exception was caught. */
  currentErrorPath: ErrorPath | false = false;
  /** The body of an `if` taken only when an I/O call failed (`if ($result === false)`). */
  currentFailureBranch = false;
  /** The body of an `if` on a configuration setting being lowered (the outermost such `if`). */
  currentSetting: SettingMark | undefined;
  /** The body of an `if` that runs only when a parameter is a URL: that parameter's index. */
  currentUrlParameter: number | undefined;
  /** Where `return true;` and `return false;` go before the exit. */
  readonly returnsTrue: number;
  readonly returnsFalse: number;


  constructor() {
    this.entry = this.newNode().id;
    this.exit = this.newNode().id;
    this.terminate = this.newNode().id;
    this.throwExit = this.newNode().id;
    this.returnsTrue = this.newNode().id;
    this.returnsFalse = this.newNode().id;
    this.addEdge(this.returnsTrue, this.exit);
    this.addEdge(this.returnsFalse, this.exit);
  }

  start(): Cursor {
    return [{ from: this.entry }];
  }

  newNode(effect?: Effect): MutableNode {
    const node: MutableNode = { id: this.nodes.length, succs: [] };
    if (effect) node.effect = effect;
    if (this.currentLoop !== undefined) node.loop = this.currentLoop;
    if (this.currentOnce !== undefined) node.once = this.currentOnce;
    if (this.currentErrorPath) node.errorPath = this.currentErrorPath;
    if (this.currentFailureBranch) node.failureBranch = true;
    if (this.currentSetting !== undefined) node.setting = this.currentSetting;
    if (this.currentUrlParameter !== undefined) node.urlParameter = this.currentUrlParameter;
    this.nodes.push(node);
    return node;
  }

  /** Adds a node reached from `cursor`; returns the cursor just after it. */
  emit(cursor: Cursor, effect?: Effect): { cursor: Cursor; node: number } {
    const node = this.newNode(effect);
    this.connect(cursor, node.id);
    return { cursor: [{ from: node.id }], node: node.id };
  }

  effectOf(node: number): Effect | undefined {
    return this.nodes[node]?.effect;
  }

  connect(cursor: Cursor, to: number): void {
    for (const pending of cursor) {
      const edge: Edge = {
        to,
        ...(pending.note === undefined ? {} : { note: pending.note }),
        ...(pending.parameterTest === undefined ? {} : { parameterTest: pending.parameterTest }),
      };
      this.nodes[pending.from]!.succs.push(edge);
    }
  }

  addEdge(from: number, to: number): void {
    this.nodes[from]!.succs.push({ to });
  }

  static withNote(cursor: Cursor, note: string): Cursor {
    return dedupe(cursor.map((edge) => ({ ...edge, note })));
  }

  /**
   * Marks the edges of a branch with the outcome of a parameter's test they need
   * (`Edge.parameterTest`). An edge that already needs one keeps it: the first test met on the
   * way (an inner `&&` leaf) is enough to rule the path out.
   */
  static withParameterTest(cursor: Cursor, mark: ParameterTestMark): Cursor {
    return dedupe(cursor.map((edge) => (edge.parameterTest ? edge : { ...edge, parameterTest: mark })));
  }

  /**
   * Adds a note to edges that already carry one, as both conditions of the path (an `elseif`
   * is reached only when the `if` before it was false: "`$a` is false (line 3) and `$b` is
   * true (line 5)"), so a path is never explained by its last condition alone.
   */
  static andNote(cursor: Cursor, note: string): Cursor {
    return dedupe(
      cursor.map((edge) => {
        if (edge.note === undefined) return { ...edge, note };
        const both = `${edge.note} and ${note}`;
        // A long chain of `elseif`s keeps its first conditions: they tell the path apart.
        return { ...edge, note: both.length > MAX_NOTE_LENGTH ? edge.note : both };
      }),
    );
  }

  /**
   * Ends a branching statement: its ways out meet at an empty node, so the notes of its
   * branches explain the states that meet there and never leak onto the branches of the next
   * statement (`if ($a) close(); if ($q) log();` must not say the session stays open "when
   * `$q` is false"). The node changes no state.
   */
  settle(cursor: Cursor): Cursor {
    if (cursor.length <= 1 && cursor.every((edge) => edge.note === undefined)) return cursor;
    const node = this.newNode();
    this.connect(cursor, node.id);
    return [{ from: node.id }];
  }

  /**
   * Passes a cursor through an empty node marked `lacksEnvironment` (the edges into it keep
   * their notes, so the path explains itself as before): where control goes when an environment
   * probe says the PHP running the code lacks something.
   */
  markLacking(cursor: Cursor, probe: string): Cursor {
    if (cursor.length === 0) return cursor;
    const node = this.newNode();
    node.lacksEnvironment = probe;
    this.connect(cursor, node.id);
    return [{ from: node.id }];
  }

  /**
   * Merges cursors (a join point). Duplicate edges are dropped, and a long list is tied to
   * an empty node: without that, code such as twenty `??` in a row would double the list
   * at each step. The empty node changes nothing: states meet there instead of one node later.
   */
  join(...cursors: Cursor[]): Cursor {
    const merged = dedupe(cursors.flat());
    if (merged.length <= MAX_PENDING_EDGES) return merged;
    const node = this.newNode();
    this.connect(merged, node.id);
    return [{ from: node.id }];
  }

  /**
   * Opens a loop: creates its header node (tagged with the new loop) and makes the loop
   * current. The caller restores `currentLoop` when the loop's lowering is done.
   */
  addLoop(kind: LoopKind, header: Span, infinite: boolean, bound?: LoopBound, repeatsOnFailureOf?: string): { index: number; headerNode: number; outer: number | undefined } {
    const outer = this.currentLoop;
    const index = this.loops.length;
    this.currentLoop = index;
    const headerNode = this.newNode().id;
    const info: LoopInfo = {
      kind,
      header,
      infinite,
      ...(outer === undefined ? {} : { parent: outer }),
      headerNode,
      ...(bound ? { bound } : {}),
      ...(repeatsOnFailureOf !== undefined ? { repeatsOnFailureOf } : {}),
    };
    this.loops.push(info);
    return { index, headerNode, outer };
  }

  finish(cursor: Cursor): Cfg {
    // Falling off the end returns null: a falsy result.
    this.connect(cursor, this.returnsFalse);
    return {
      nodes: this.nodes as CfgNode[],
      entry: this.entry,
      exit: this.exit,
      terminate: this.terminate,
      throwExit: this.throwExit,
      loops: this.loops,
      booleanExits: { whenTrue: this.returnsTrue, whenFalse: this.returnsFalse },
    };
  }
}
