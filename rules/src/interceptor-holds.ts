import type { FileIR, HeldResourceInfo } from '../../core/src';

/**
 * Resources a method holds because an interceptor runs it inside a project helper's callback
 * (`HeldResourceInfo.heldThrough`, from `core/src/lower/ts/intercepted-methods.ts`): kept only
 * when the helper's own lowering found it holding a resource while it runs its callbacks
 * (`runsCallbacks`: vendure's `executeInTransaction()` with a query runner checked out and a
 * transaction started), then told with that resource's noun and consequence, and its acquire
 * as a related location. A helper that holds nothing (a timer, a logger) drops it.
 */
export function interceptedHolds(irs: readonly FileIR[]): (ir: FileIR) => readonly HeldResourceInfo[] {
  const byFile = new Map(irs.map((ir) => [ir.file, ir] as const));
  const known = new WeakMap<FileIR, readonly HeldResourceInfo[]>();
  return (ir) => {
    const list = ir.heldResources ?? [];
    if (!list.some((resource) => resource.heldThrough)) return list;
    let held = known.get(ir);
    if (held) return held;
    held = list.flatMap((resource) => {
      if (!resource.heldThrough) return [resource];
      const confirmed = confirm(resource, byFile.get(resource.heldThrough.file), resource.heldThrough.unit);
      return confirmed ? [confirmed] : [];
    });
    known.set(ir, held);
    return held;
  };
}

function confirm(resource: HeldResourceInfo, helperFile: FileIR | undefined, unitId: string): HeldResourceInfo | undefined {
  const lent = helperFile?.heldResources?.find((r) => r.unit === unitId && r.runsCallbacks && !r.heldThrough);
  if (!helperFile || !lent) return undefined;
  const unit = helperFile.units.find((u) => u.id === unitId);
  const open = unit?.cfg.nodes.find((node) => node.effect?.kind === 'open' && node.effect.resource === lent.id)?.effect;
  const acquiredAt = open?.kind === 'open' ? { span: open.span, label: `${open.label ?? `\`${lent.variable}\` is acquired here`}, in \`${unit!.displayName}\`` } : undefined;
  return {
    ...resource,
    noun: `${lent.noun} of`,
    consequence: lent.consequence,
    ...(lent.lock ? { lock: true } : {}),
    ...(lent.pooled ? { pooled: true } : {}),
    ...(acquiredAt ? { acquiredAt } : {}),
  };
}

/**
 * What the interceptors found came to, once per run: how many methods run inside each helper
 * that holds a resource, and how many inside helpers that hold nothing (so a user can see the
 * mechanism ran, and what it decided).
 */
export function interceptionNotes(irs: readonly FileIR[], heldOf: (ir: FileIR) => readonly HeldResourceInfo[]): string[] {
  const byFile = new Map(irs.map((ir) => [ir.file, ir] as const));
  const holding = new Map<string, { display: string; noun: string; methods: number }>();
  let notHolding = 0;
  for (const ir of irs) {
    const through = (ir.heldResources ?? []).filter((resource) => resource.heldThrough);
    if (through.length === 0) continue;
    const kept = new Set(heldOf(ir).map((resource) => resource.id));
    for (const resource of through) {
      const { file, unit } = resource.heldThrough!;
      if (!kept.has(resource.id)) {
        notHolding++;
        continue;
      }
      const key = `${file}#${unit}`;
      const known = holding.get(key);
      if (known) known.methods++;
      else {
        const helper = byFile.get(file)?.units.find((u) => u.id === unit);
        const noun = heldOf(ir).find((r) => r.id === resource.id)?.noun.replace(/ of$/, '') ?? 'a resource';
        holding.set(key, { display: helper?.displayName ?? unit, noun, methods: 1 });
      }
    }
  }
  // In the helpers' order (file, then unit), whatever order the files were given in.
  const parts = [...holding.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, h]) => h).map((h) => `${h.methods} method(s) run inside \`${h.display}\`, which holds a ${h.noun} while it runs them`);
  if (notHolding > 0) parts.push(`${notHolding} run inside helpers that hold nothing`);
  return parts.length > 0 ? [`interceptors: ${parts.join('; ')}`] : [];
}
