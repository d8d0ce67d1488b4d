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
