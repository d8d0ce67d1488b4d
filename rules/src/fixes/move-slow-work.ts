import type { Fix, HeldResourceInfo, OpenSite, RuleContext, Span } from '../../../core/src';

/**
 * `held-across-slow-call` (TypeScript held resources): run the slow work before the resource is
 * acquired. The statement that does it moves, on its own lines, right above the statement that
 * acquires the resource (`const client = await pool.connect();`, `await client.query('BEGIN');`),
 * or out of the callback that holds it (`await db.transaction(async (trx) => …)`), when the
 * syntax tree shows it uses nothing the held region computes (`EditSites.moveBefore`).
 *
 * - `safe` when it was the first thing the region ran and leaves no `catch` (nor a `finally`
 *   that does more than release the resource): only the acquire itself now runs after it.
 * - `unsafe` when other statements ran before it in the region (they now run after it: if one
 *   fails or returns early, the slow work has already happened), or when it leaves a `try` whose
 *   `catch`, or a `finally` that does more than release the resource, handled its failure.
 * - display-only for a lock (a mutex, a semaphore, a distributed or file lock): it may be there
 *   to serialise this very work (one token refresh at a time, a bounded number of renders).
 * - none when it uses what the region computes (a query's result, the resource itself): moving
 *   it would change what it does, and splitting a transaction around it would change what the
 *   transaction guarantees; nor when the region does slow work in several statements, or the
 *   resource is acquired in another function (a helper, a caller).
 */
export function moveSlowWorkFix(context: RuleContext, resource: HeldResourceInfo, slow: Span, members: readonly Span[], sites: readonly OpenSite[]): Fix[] {
  const edit = context.editSites?.();
  if (!edit?.moveBefore || sites.length === 0) return [];
  const acquires = sites.map((site) => (site.entry || site.chain.length !== 1 ? undefined : site.chain[0]!.span));
  const acquire = acquires[0];
  if (!acquire || acquires.some((span) => !span || span.file !== acquire.file || span.start !== acquire.start || span.end !== acquire.end)) return [];
  const plan = edit.moveBefore(slow, acquire, members);
  if ('refused' in plan) return [];
  const where = plan.leavesCallback ? `out of the callback that holds \`${resource.variable}\`, before the call that runs it` : `before \`${resource.variable}\` is acquired`;
  const checks: string[] = [];
  if (plan.crossed > 0) {
    const statements = plan.crossed === 1 ? 'the statement that ran before it' : `the ${plan.crossed} statements that ran before it`;
    checks.push(`it now runs before ${statements} while \`${resource.variable}\` was held: if ${plan.crossed === 1 ? 'that one' : 'one of them'} fails or returns early, the slow work has already happened`);
  }
  if (plan.leavesHandler) checks.push('its failure no longer reaches the `catch` or `finally` of the `try` it leaves');
  if (resource.lock) {
    return [
      {
        title: `Run the slow work ${where} (not applied: a lock is often there to serialise this very work, such as one refresh of a token at a time; move it only if it does not need the lock${checks.length > 0 ? `, and check that ${checks.join('; ')}` : ''})`,
        applicability: 'display-only',
        edits: plan.edits,
      },
    ];
  }
  return [
    {
      title:
        checks.length === 0
          ? `Run the slow work ${where} (it uses nothing the held region computes)`
          : `Run the slow work ${where} (check first: ${checks.join('; ')})`,
      applicability: checks.length === 0 ? 'safe' : 'unsafe',
      edits: plan.edits,
      isolation: `move-slow-work:${acquire.file}:${acquire.start}`,
    },
  ];
}
