import {
  spanKey,
  type AccessEffect,
  type CloseEffect,
  type Effect,
  type RelatedLocation,
  type ResourceId,
  type RuleContext,
  type Span,
  type Step,
  type Unit,
  type UseEffect,
} from '../../../core/src';

/**
 * Small questions the session rules share: which effects change `$_SESSION`, what a close
 * step did, and how to list lines and related locations.
 */

/** A direct change of the session data: a `$_SESSION` write or an API such as `session_regenerate_id()`. */
export function isSessionChange(effect: Effect, resource: ResourceId): effect is AccessEffect | UseEffect {
  return (effect.kind === 'write' || effect.kind === 'use') && effect.resource === resource;
}

/** "a write to `$_SESSION['cart']`", "`session_regenerate_id()`". */
export function describeChange(effect: AccessEffect | UseEffect): string {
  if (effect.kind === 'use') return `\`${effect.api}\``;
  return effect.key === undefined ? 'a write to `$_SESSION`' : `a write to \`$_SESSION['${effect.key}']\``;
}

/**
 * "line 7", "lines 7 and 12", "lines 3, 7 and 12": distinct lines of the steps, in order; steps
 * in other files (a chain through includes) follow, each file named: "line 7; `ajax.php` line 22".
 */
export function lineList(context: RuleContext, spans: readonly Span[]): string {
  const own = context.file.file;
  const lineOf = (span: Span): number => (span.file === own || !context.lineOfSpan ? context.lineOf(span.start) : context.lineOfSpan(span));
  const byFile = new Map<string, number[]>();
  for (const span of spans) {
    const file = context.lineOfSpan ? span.file : own;
    const lines = byFile.get(file) ?? [];
    byFile.set(file, lines);
    const line = lineOf(span);
    if (!lines.includes(line)) lines.push(line);
  }
  const files = [...byFile.keys()].sort((a, b) => (a === own ? -1 : b === own ? 1 : 0));
  return files
    .map((file) => {
      const lines = byFile.get(file)!.sort((a, b) => a - b);
      const text = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
      return file === own ? text : `\`${file}\` ${text}`;
    })
    .join('; ');
}

/** Collects related locations once each, never at the finding's own span with the same text. */
export class RelatedList {
  private readonly seen = new Set<string>();
  readonly items: RelatedLocation[] = [];

  constructor(private readonly primary: Span) {}

  add(message: string, span: Span): void {
    const key = `${spanKey(span)}:${message}`;
    if (this.seen.has(key)) return;
    if (spanKey(span) === spanKey(this.primary) && message.endsWith('is called here')) return;
    this.seen.add(key);
    this.items.push({ message, span });
  }

  addChain(chain: readonly Step[]): void {
    for (const step of chain) this.add(step.label, step.span);
  }
}

export type CloseEffects = ReadonlyMap<string, CloseEffect>;

/** Every close effect of the file by span key, to tell what a close step or a callee's release does. */
export function closeEffectsBySpan(units: readonly Unit[]): CloseEffects {
  const closes = new Map<string, CloseEffect>();
  for (const unit of units) {
    for (const node of unit.cfg.nodes) {
      if (node.effect?.kind === 'close') closes.set(spanKey(node.effect.span), node.effect);
    }
  }
  return closes;
}
