/**
 * What a node reaches, gathered: the union of what every node reachable from it contributes
 * (the local variables of every file an include may run, the properties of every unit a call
 * may run), or `'any'` when one of them may contribute anything.
 */
export type Gathered<V> = ReadonlySet<V> | 'any';

/**
 * Gathers, for a graph explored on demand, what each node reaches (`of(node)`), exactly and
 * in time linear in the graph, whatever its shape.
 *
 * Why not a plain search per node: include graphs are dense and cyclic (every MantisBT API
 * file includes others through `require_api()`, and they include it back), so a depth-first
 * search that cannot remember answers met inside a cycle searches the same files again for
 * every path to them: exponential. Here the strongly connected components (Tarjan's
 * algorithm, iterative so that long chains cannot overflow the stack) share one answer, each
 * node's successors are asked once for the whole run, and a component's answer is built from
 * its successors' answers, which Tarjan's algorithm finishes first.
 */
export class ReachableUnion<N, V> {
  private readonly answers = new Map<N, Gathered<V>>();
  /**
   * Nodes whose successors have been asked, over the whole run: the work done. Each node is
   * expanded at most once, so this never exceeds the number of nodes; tests bound it.
   */
  expanded = 0;

  constructor(
    /** The nodes this one leads to (its includes, its calls); asked at most once per node. */
    private readonly successors: (node: N) => Iterable<N>,
    /** What the node contributes itself. */
    private readonly own: (node: N) => Gathered<V>,
  ) {}

  /** What `root` and everything it reaches contribute. */
  of(root: N): Gathered<V> {
    const known = this.answers.get(root);
    if (known) return known;
    this.search(root);
    return this.answers.get(root)!;
  }

  private search(root: N): void {
    const index = new Map<N, number>();
    const low = new Map<N, number>();
    const successorsOf = new Map<N, N[]>();
    const stack: N[] = [];
    const onStack = new Set<N>();
    // Each frame: a node and how many of its successors have been looked at.
    const frames: { node: N; next: number }[] = [];
    const enter = (node: N): void => {
      index.set(node, index.size);
      low.set(node, index.size - 1);
      stack.push(node);
      onStack.add(node);
      this.expanded++;
      successorsOf.set(node, [...this.successors(node)]);
      frames.push({ node, next: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const successors = successorsOf.get(frame.node)!;
      if (frame.next < successors.length) {
        const next = successors[frame.next++]!;
        // Answered by an earlier search, or in a component already finished: nothing to merge.
        if (this.answers.has(next)) continue;
        if (!index.has(next)) {
          enter(next);
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      // `frame.node` roots a component: its members are on the stack down to it.
      const members: N[] = [];
      let member: N;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== frame.node);
      const answer = this.gather(members, successorsOf);
      for (const one of members) this.answers.set(one, answer);
    }
  }

  /** One component's answer: its members' own parts and the answers of the components it leads to. */
  private gather(members: readonly N[], successorsOf: ReadonlyMap<N, N[]>): Gathered<V> {
    const inside = new Set(members);
    const parts: ReadonlySet<V>[] = [];
    for (const member of members) {
      const own = this.own(member);
      if (own === 'any') return 'any';
      if (own.size > 0) parts.push(own);
      for (const next of successorsOf.get(member)!) {
        if (inside.has(next)) continue;
        const answer = this.answers.get(next)!;
        if (answer === 'any') return 'any';
        if (answer.size > 0) parts.push(answer);
      }
    }
    // A component that adds nothing to the one answer it leads to shares that set.
    const distinct = [...new Set(parts)];
    if (distinct.length === 0) return EMPTY as ReadonlySet<V>;
    if (distinct.length === 1) return distinct[0]!;
    const union = new Set<V>();
    for (const part of distinct) for (const value of part) union.add(value);
    return union;
  }
}

const EMPTY: ReadonlySet<never> = new Set<never>();
