import { spanKey, type Fix, type Observation, type RuleContext, type UnitFlow } from '../../../core/src';
import { mayOutput, observationsByNode, reaching } from './session-after';

/**
 * `reopen-after-output`, where the reopen cannot be made to work in place (`cookielessReopenFix`
 * gives none; `why` says what stops it): move the statement that starts the session before the
 * first output that reaches it, in the same block, so the session starts while headers can still
 * be sent. Display-only: moving it runs it earlier, before statements that may need the session
 * closed or not yet started, or whose results it uses, which the analysis does not prove.
 *
 * Offered only when every output of the unit that may run before the start is in that block,
 * between the output chosen and the start (not, say, at the bottom of a loop the start heads).
 */
export function moveReopenBeforeOutputFix(context: RuleContext, flow: UnitFlow, reopen: Observation, why: string): Fix[] {
  const sites = context.editSites?.();
  if (!sites || context.file.language !== 'php') return [];
  const start = sites.callStatement(reopen.effect.span);
  if (!start || start.lineEnd === undefined) return [];
  const observed = observationsByNode(flow);
  const before = reaching(flow, [reopen.node]);
  const outputs = flow.unit.cfg.nodes.filter(
    (node) => node.id !== reopen.node && before.has(node.id) && node.effect !== undefined && mayOutput(node.effect, observed.get(node.id) ?? []),
  );
  if (outputs.length === 0) return [];
  const statements = outputs.map((node) => sites.statementAround(node.effect!.span));
  if (statements.some((s) => s === undefined || spanKey(s.block) !== spanKey(start.block) || s.span.end > start.span.start)) return [];
  const first = statements.reduce((a, b) => (b!.span.start < a!.span.start ? b : a))!;
  const moved = sites.slice(start.lineStart, start.lineEnd).slice(start.indent.length);
  const line = sites.lineNumberAt(first.span.start);
  return [
    {
      title: `Move the session start before the output on line ${line} (not applied: ${why}; check that nothing between them needs the session closed or not yet started)`,
      applicability: 'display-only',
      edits: [
        { span: { file: sites.file, start: first.lineStart, end: first.lineStart }, newText: `${first.indent}${moved}` },
        { span: { file: sites.file, start: start.lineStart, end: start.lineEnd }, newText: '' },
      ],
    },
  ];
}
