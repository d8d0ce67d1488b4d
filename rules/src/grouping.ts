import { isSuppressionFix } from './fixes/suppression';
import { SEVERITY_RANK } from './severity';
import { compareSpans, spanKey, type Finding, type Fix, type RelatedLocation, type Span } from '../../core/src';

/**
 * One cause, one finding. A slow call inside a helper that hundreds of handlers reach with the
 * session held, or a write inside a helper that callers run after closing the session, gives a
 * finding in every caller; they all come down to one effect (`Finding.cause`), and one change
 * there (or one decision about it) settles them all. So findings of one rule whose causes are
 * the same effect, of the same kind of resource, are reported once:
 * - at the cause, when its file is one the user asked about, with the cause told from there;
 * - otherwise at the first place that reaches it (the cause is in an included library).
 * The message counts the places that reach it and names a few; the related locations keep the
 * first place's explanation (where the lock was taken, the chain of calls) and point at the
 * other places, capped, each with the other slow work it holds the resource across.
 */

/** Places that reach a shared cause listed as related locations; the message counts them all. */
const MAX_LISTED_PLACES = 10;
/** Places named in the message itself ("e.g. a.php:3, b.php:9 and c.php:12"). */
const MAX_NAMED_PLACES = 3;


export interface GroupingContext {
  /** Whether findings may be placed in this file (the user asked about it). */
  readonly requested: (file: string) => boolean;
  /** 1-based line of a span's start, for messages. */
  readonly line: (span: Span) => number;
}

export function groupByCause(findings: readonly Finding[], context: GroupingContext): Finding[] {
  // A place folded into a group told from another place shows nothing of its own; when it has
  // another cause (a held region's other slow work), that telling joins the grouping as a place
  // of its own, and so on until no place with another cause is hidden (each is added once, and
  // the chain of a region's tellings is finite: this ends).
  let places = [...findings];
  const joined = new Set<Finding>();
  for (;;) {
    const { result, hidden } = groupOnce(places, context);
    const others = hidden.flatMap((place) => place.otherCauses ?? []).filter((other) => !joined.has(other));
    if (others.length === 0) return result.map(withoutOtherCauses);
    others.forEach((other) => joined.add(other));
    places = [...places, ...others];
  }
}

/** Other causes are the grouping's business: what is reported carries none. */
function withoutOtherCauses(finding: Finding): Finding {
  if (!finding.otherCauses) return finding;
  const { otherCauses: _others, ...rest } = finding;
  return rest;
}

/** One pass of the grouping, and the places folded into a group told from another place. */
function groupOnce(findings: readonly Finding[], context: GroupingContext): { result: Finding[]; hidden: Finding[] } {
  const groups = new Map<string, Finding[]>();
  const result: Finding[] = [];
  const hidden: Finding[] = [];
  for (const finding of findings) {
    if (!finding.cause) {
      result.push(finding);
      continue;
    }
    // Places left out for a store that takes no lock are counted apart from the reported ones.
    const key = `${finding.rule}\u0000${finding.cause.resource}\u0000${spanKey(finding.cause.span)}\u0000${finding.unreported ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  for (const members of groups.values()) {
    // The same place twice (a region reported from two flows) is one place.
    const places = uniqueBySpan(members.sort((a, b) => compareSpans(a.span, b.span)));
    if (places.length === 1) {
      result.push(places[0]!);
      continue;
    }
    const { finding, primary } = merged(places, context);
    result.push(finding);
    hidden.push(...places.filter((place) => place !== primary));
  }
  return { result, hidden };
}

function uniqueBySpan(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = spanKey(finding.span);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The one finding for several places that reach the same cause (sorted, at least two), and the
 * place whose explanation it keeps.
 */
function merged(places: readonly Finding[], context: GroupingContext): { finding: Finding; primary: Finding } {
  const top = Math.max(...places.map((p) => SEVERITY_RANK[p.severity]));
  // The explanation of the first of the most severe places: its message's facts hold for it.
  const primary = places.find((p) => SEVERITY_RANK[p.severity] === top)!;
  const cause = primary.cause!;
  const atCause = context.requested(cause.span.file);
  const span = atCause ? cause.span : places[0]!.span;

  // Places in the finding's own file are lines; elsewhere, `file:line`.
  const shown = places.slice(0, MAX_NAMED_PLACES).map((p) => p.span);
  const local = shown.every((at) => at.file === span.file);
  const named = shown.map((at) => (local ? String(context.line(at)) : at.file === span.file ? `line ${context.line(at)}` : `${at.file}:${context.line(at)}`));
  const more = places.length > named.length ? ` and ${places.length - named.length} more` : '';
  const list = `${local ? 'lines ' : ''}${more ? named.join(', ') : joinList(named)}${more}`;
  const reach = `Reached from ${places.length} call sites (${list}); this is one finding for all of them.`;
  const message = atCause ? `${cause.summary} ${reach}` : `${primary.message} ${reach}`;

  const related: RelatedLocation[] = [];
  const seen = new Set<string>();
  const add = (location: RelatedLocation): void => {
    const key = `${spanKey(location.span)}:${location.message}`;
    if (seen.has(key) || (spanKey(location.span) === spanKey(span) && location.message.endsWith(' is called here'))) return;
    seen.add(key);
    related.push(location);
  };
  if (atCause) add({ message: cause.reachedHere, span: primary.span });
  primary.related.forEach(add);
  const others = places.filter((p) => p !== primary);
  for (const other of others.slice(0, MAX_LISTED_PLACES - 1)) {
    add({ message: other.cause!.reachedHere, span: other.span });
    // What this place holds its resource across besides the shared cause (payload's reset
    // e-mail, after the update that reaches the shared download) is its own, and is named.
    other.related.filter((location) => location.otherWork).forEach(add);
  }

  const finding: Finding = {
    rule: primary.rule,
    severity: primary.severity,
    message,
    span,
    related,
    // Each place's fix changes its own handler: the one finding for them all offers every one.
    // Each place's "ignore this line" stays with the place: the group gets its own where it stands.
    fixes: placeFixes(places, span, context),
    ...(primary.lowered !== undefined ? { lowered: primary.lowered } : {}),
    ...(primary.unreported !== undefined ? { unreported: primary.unreported } : {}),
    // At the cause, a suppression there covers the whole group; else the primary's places do.
    ...(atCause || !primary.anchors ? {} : { anchors: primary.anchors }),
    cause,
  };
  return { finding, primary };
}

/** "a", "a and b", "a, b and c". */
function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Every place's fixes (but its "ignore this line"), each once; where they come from more than one
 * place, each title says which call it fixes, as fixes with the same title for different call
 * sites would look like one offered twice.
 */
function placeFixes(places: readonly Finding[], span: Span, context: GroupingContext): Fix[] {
  const offered = places.map((place) => ({ place, fixes: uniqueFixes(place.fixes.filter((fix) => !isSuppressionFix(fix))) })).filter((p) => p.fixes.length > 0);
  if (offered.length <= 1) return uniqueFixes(offered.flatMap((p) => p.fixes));
  // Two places of one handler may offer the same edits: once, named after the first.
  const seen = new Set<string>();
  return offered.flatMap(({ place, fixes }) => {
    const where = place.span.file === span.file ? `line ${context.line(place.span)}` : `${place.span.file}:${context.line(place.span)}`;
    return fixes.flatMap((fix) => {
      const key = JSON.stringify([fix.applicability, fix.edits]);
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ ...fix, title: `${fix.title} [for the call on ${where}]` }];
    });
  });
}

/** The same fix offered by several places (one handler reaching the cause twice) once. */
function uniqueFixes(fixes: readonly Fix[]): Fix[] {
  const seen = new Set<string>();
  return fixes.filter((fix) => {
    const key = JSON.stringify([fix.title, fix.edits]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
