import { spanKey, type Severity, type SlowOccurrence, type UnitFlow } from '../../../core/src';
import { reachableFrom } from './regions';

/**
 * Why slow work was rated below its kind's severity, from the weakest doubt to the strongest:
 * `short`, a wait the code bounds to a few seconds (it surely waits, but not long); `may-be-short`,
 * work that may take no time at all (a program the analysis cannot judge, a pause of
 * milliseconds, an image, a service on this machine); `may-not-run`, work only on an error path or behind a setting shipped
 * off. Work rated at its kind's severity has no doubt (`sure`).
 */
export type Doubt = 'sure' | 'short' | 'may-be-short' | 'may-not-run';

const DOUBT_RANK: Record<Doubt, number> = { sure: 0, short: 1, 'may-be-short': 2, 'may-not-run': 3 };

/** Slow work whose place in the order of evidence the headline choice needs. */
export interface WeighedOperation {
  readonly operation: { readonly node: number; readonly occurrence: SlowOccurrence };
  readonly severity: Severity;
  readonly doubt: Doubt;
  /** The severity the work's kind has when nothing lowers it. */
  readonly unlowered: Severity;
}

export function doubtOf(occurrence: SlowOccurrence, short: boolean): Doubt {
  if (occurrence.errorPath || occurrence.failureReport || occurrence.setting || occurrence.configured) return 'may-not-run';
  if (occurrence.unjudged || occurrence.pause || occurrence.image || occurrence.thisMachine) return 'may-be-short';
  return short ? 'short' : 'sure';
}

/**
 * Orders slow work of one severity by the strength of its evidence: a wait the code bounds
 * (`sleep(1)`) before a program that may take no time, and both before work that runs only on
 * an error path. The strongest evidence heads the finding; the rest stay its also-lines.
 */
export function byEvidence(a: WeighedOperation, b: WeighedOperation): number {
  return DOUBT_RANK[a.doubt] - DOUBT_RANK[b.doubt];
}

/**
 * Short waits (each bounded to `limit` seconds or less) that one path of the region runs one
 * after the other: when together they pass the limit, or reach it with other slow work on the
 * same path, the hold is no longer short (`sleep(1)` between two service restarts, twice).
 * Returns the waits of that path and their sum, or undefined when the region's waits stay short.
 * Waits are taken in source order, each one that the last taken reaches (a wait in the other
 * branch of an `if` is not on the same path).
 */
export function addedWaits<T extends WeighedOperation>(flow: UnitFlow, members: readonly T[], limit: number): { waits: T[]; seconds: number } | undefined {
  const shortWaits = members.filter((m) => m.doubt === 'short').sort((a, b) => a.operation.node - b.operation.node);
  if (shortWaits.length < 2) return undefined;
  const reach = new Map<number, Set<number>>();
  const reaches = (from: number, to: number): boolean => {
    let seen = reach.get(from);
    if (!seen) reach.set(from, (seen = reachableFrom(flow, from)));
    return seen.has(to);
  };
  // Per place, the longest wait (a helper that may sleep in two branches counts once); a wait
  // reached from several places (two includes that both reach one helper's `sleep()`) counts
  // once, at the first: the analysis cannot tell that both places run it.
  const waits: T[] = [];
  const counted = new Set<string>();
  for (const wait of shortWaits) {
    const root = spanKey(wait.operation.occurrence.chain[wait.operation.occurrence.chain.length - 1]!.span);
    if (counted.has(root)) continue;
    const last = waits[waits.length - 1];
    if (last && last.operation.node === wait.operation.node) {
      if (seconds(wait) > seconds(last)) {
        waits[waits.length - 1] = wait;
        counted.add(root);
      }
      continue;
    }
    if (!last || reaches(last.operation.node, wait.operation.node)) {
      waits.push(wait);
      counted.add(root);
    }
  }
  if (waits.length < 2) return undefined;
  const total = waits.reduce((sum, w) => sum + seconds(w), 0);
  const places = new Set(waits.map((w) => w.operation.node));
  // Other work that surely or maybe takes time, on a path through the first wait.
  const first = waits[0]!.operation.node;
  const more = members.some(
    (m) =>
      !places.has(m.operation.node) &&
      m.doubt !== 'may-not-run' &&
      m.operation.occurrence.kind !== 'long-running' &&
      (reaches(first, m.operation.node) || reaches(m.operation.node, first)),
  );
  return total > limit || (total >= limit && more) ? { waits, seconds: total } : undefined;
}

function seconds(m: WeighedOperation): number {
  const hold = m.operation.occurrence.hold;
  return hold && 'seconds' in hold ? hold.seconds : 0;
}
