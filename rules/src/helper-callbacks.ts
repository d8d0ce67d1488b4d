import { compareSpans, spanKey, type Finding, type RelatedLocation, type Severity } from '../../core/src';
import type { GroupingContext } from './grouping';
import { SEVERITY_RANK } from './severity';

/**
 * A helper that awaits a callback parameter between acquire and release
 * (`withTransaction(work)`: `const client = await pool.connect(); … await work(client); …
 * client.release()`) holds its resource for whatever its callers pass. Each caller that passes
 * slow work has its own finding, at its slow code (`Finding.passedToHelper`); the helper's call
 * of the callback is reported too, once, naming those callers, when there are several: one
 * change there (committing before the callback, or not running callbacks inside the
 * transaction) settles them all, while a single caller's finding already says everything.
 * Built after suppressions, so a caller whose finding is suppressed is not named.
 */

/** Callers passing slow work before the helper's call is worth a finding of its own. */
const MIN_CALLERS = 2;

/** Callers named in the message; the related locations list a few more. */
const MAX_NAMED_CALLERS = 3;
const MAX_LISTED_CALLERS = 10;

export function helperCallbackFindings(places: readonly Finding[], context: GroupingContext): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of places) {
    const passed = finding.passedToHelper;
    if (!passed || !context.requested(passed.call.file)) continue;
    const key = `${finding.rule}\u0000${spanKey(passed.call)}\u0000${passed.resource}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  const result: Finding[] = [];
  for (const members of groups.values()) {
    // One finding per caller site: the same place reached on several paths counts once.
    const seen = new Set<string>();
    const callers = members
      .sort((a, b) => compareSpans(a.span, b.span))
      .filter((finding) => {
        const key = spanKey(finding.span);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    if (callers.length >= MIN_CALLERS) result.push(helperFinding(callers, context));
  }
  return result;
}

function helperFinding(callers: readonly Finding[], context: GroupingContext): Finding {
  const first = callers[0]!.passedToHelper!;
  const top = Math.max(...callers.map((c) => SEVERITY_RANK[c.severity]));
  const severity = (Object.keys(SEVERITY_RANK) as Severity[]).find((s) => SEVERITY_RANK[s] === top)!;
  const where = (finding: Finding): string =>
    finding.span.file === first.call.file ? `line ${context.line(finding.span)}` : `${finding.span.file}:${context.line(finding.span)}`;
  const named = callers.slice(0, MAX_NAMED_CALLERS).map((c) => `${c.passedToHelper!.caller} (${where(c)}: ${c.passedToHelper!.work})`);
  const more = callers.length > named.length ? `, and ${callers.length - named.length} more` : '';
  const list = more ? `${named.join(', ')}${more}` : joinList(named);
  const count = `${callers.length} callers pass it slow work`;
  const related: RelatedLocation[] = [];
  if (first.acquired) related.push({ message: first.acquired.label, span: first.acquired.span });
  for (const caller of callers.slice(0, MAX_LISTED_CALLERS)) {
    related.push({ message: `${caller.passedToHelper!.caller} passes ${caller.passedToHelper!.work} here`, span: caller.span });
  }
  return {
    rule: callers[0]!.rule,
    severity,
    message: `${first.resource} held across ${first.callee}, which runs its callers' callbacks: ${count}, ${list}; ${first.consequence}`,
    span: first.call,
    related,
    fixes: [],
  };
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
