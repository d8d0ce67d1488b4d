import { spanKey, type Finding, type RelatedLocation } from '../../../core/src';
import { SEVERITY_RANK } from '../severity';


/**
 * One call, one finding: when a function holds two resources across the same slow call (vendure's
 * `@Transaction('manual')` resolver, whose interceptor checked out a query runner and whose body
 * starts the transaction on it), each resource's region gives a finding at that call, with the
 * same cause. They are one problem with one fix (the call moves out of both), so they are told
 * once: by the first of the most severe, the others' own locations (where each was taken, where
 * it is released) added to its related locations and their resources named in its message.
 * Findings of one function only (the caller groups them per unit); other places that reach the
 * same cause are the grouping by cause's business (`grouping.ts`).
 */
export function oneFindingPerCall(findings: readonly Finding[]): Finding[] {
  const byCall = new Map<string, Finding[]>();
  const order: string[] = [];
  for (const finding of findings) {
    const key = `${spanKey(finding.span)}\u0000${finding.cause ? spanKey(finding.cause.span) : ''}\u0000${finding.unreported ?? ''}`;
    const same = byCall.get(key);
    if (same) same.push(finding);
    else {
      byCall.set(key, [finding]);
      order.push(key);
    }
  }
  return order.map((key) => told(byCall.get(key)!));
}

function told(same: readonly Finding[]): Finding {
  if (same.length === 1) return same[0]!;
  const top = Math.max(...same.map((f) => SEVERITY_RANK[f.severity]));
  const primary = same.find((f) => SEVERITY_RANK[f.severity] === top)!;
  const others = same.filter((f) => f !== primary);
  const related: RelatedLocation[] = [...primary.related];
  const seen = new Set(related.map((r) => `${spanKey(r.span)}:${r.message}`));
  for (const other of others) {
    for (const location of other.related) {
      const key = `${spanKey(location.span)}:${location.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      related.push(location);
    }
  }
  const nouns = [...new Set(others.map((f) => f.cause?.resource).filter((noun): noun is string => noun !== undefined))];
  const also = nouns.length > 0 ? ` Also held across the same call: ${nouns.join(' and ')} (one finding for both; see the related locations).` : '';
  // The grouping's other tellings of a region stay with the finding that is reported.
  return { ...primary, message: `${primary.message}${also}`, related };
}
