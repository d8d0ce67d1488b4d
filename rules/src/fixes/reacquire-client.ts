import type { Fix, HeldResourceInfo, OpenSite, RuleContext, Span, Unit } from '../../../core/src';
import { nodeCatalog } from '../catalog/node';

/**
 * `held-across-slow-call` (a pooled client or connection, TypeScript), when the slow work uses
 * what the region computes, so it cannot move before the acquire: release the client before the
 * slow work and acquire a new one after it (`EditSites.reacquireAround` plans it from the syntax
 * tree: the binding becomes `let`, every later use sees the new client, and a flag keeps a
 * `finally` or `catch` from releasing it twice when the slow work or the new acquire fails).
 *
 * - `unsafe`: the new client starts a new database session: what the old one set on its session
 *   (`SET`, temporary tables, `LISTEN`, prepared statements) is not there, and the code after the
 *   slow work may see rows that other requests changed in between (outside a transaction each
 *   query already saw the latest rows, so only session state is lost).
 * - display-only inside a transaction (the last transaction statement on the client before the
 *   slow work began one): the edits split it in two (commit before, begin again after), which
 *   changes what it guarantees: the first half's row locks end at the slow work and a failure
 *   after it no longer rolls the first half back. Also display-only when a `catch` or `finally`
 *   that the slow work's failure reaches uses the client for more than releasing it: it would be
 *   skipped when the client is not held.
 * - none where it would not be correct (`ts-reacquire.ts` says why), where the client may not be
 *   held on every path to the slow work, or for resources that are not pooled connections.
 */
export function reacquireClientFix(
  context: RuleContext,
  unit: Unit,
  resource: HeldResourceInfo,
  slow: Span,
  members: readonly Span[],
  sites: readonly OpenSite[],
  maybeHeld: boolean,
): Fix[] {
  if (!resource.pooled || resource.lock || maybeHeld || sites.length !== 1) return [];
  const site = sites[0]!;
  if (site.entry || site.chain.length !== 1) return [];
  const acquire = site.chain[0]!.span;
  const edit = context.editSites?.();
  if (!edit?.reacquireAround) return [];
  const releases = unit.cfg.nodes.flatMap((node) => (node.effect?.kind === 'close' && node.effect.resource === resource.id ? [node.effect.span] : []));
  const plan = edit.reacquireAround(slow, acquire, members, releases, nodeCatalog.transactionStatements ?? []);
  if ('refused' in plan) return [];
  const client = `\`${resource.variable}\``;
  const isolation = `move-slow-work:${acquire.file}:${acquire.start}`;
  if (plan.splitsTransaction !== undefined) {
    return [
      {
        title: `Split the transaction around the slow work: commit and release ${client} before it, acquire a new client and run \`${plan.splitsTransaction}\` again after it (not applied: the first half commits before the slow work, its row locks end there, and a failure after it no longer rolls the first half back)`,
        applicability: 'display-only',
        edits: plan.edits,
        isolation,
      },
    ];
  }
  if (plan.guardedOtherUses > 0) {
    return [
      {
        title: `Release ${client} before the slow work and acquire a new one after it (not applied: a \`catch\` or \`finally\` uses ${client} for more than releasing it, and would be skipped when the slow work fails)`,
        applicability: 'display-only',
        edits: plan.edits,
        isolation,
      },
    ];
  }
  return [
    {
      title: `Release ${client} before the slow work and acquire a new one after it (check first: the new client has none of the old one's session state, such as SET, temporary tables, LISTEN or prepared statements)`,
      applicability: 'unsafe',
      edits: plan.edits,
      isolation,
    },
  ];
}
