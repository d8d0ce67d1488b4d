import { spanKey, type EditSites, type Fix, type RuleContext, type StatementSite, type TextEdit, type UnitFlow } from '../../../core/src';
import { closeBefore } from './early-close';
import { nodesWithin, reachedFrom, reaching, within } from './session-after';
import { at, entryNodes } from './write-regions';

/**
 * Reopening around each write (`reopenAroundWritesFix`) suits a write or two right after the
 * slow work. It does not suit a handler whose writes would take this many reopens or more (each
 * one waits for the lock again and reads and writes the whole session file), nor writes that
 * cannot be wrapped on their own (a write whose statement does the slow work itself,
 * `$_SESSION['rates'] = fetch_rates();`, or sits with slow work in one `if`): there the session
 * is closed with a snapshot and the changes are saved once, after the last write.
 */
export const SNAPSHOT_FROM_REOPENS = 3;

/** The helpers' names, as a person would call them; declared once per file. */
export const SNAPSHOT_CLOSE = 'session_snapshot_close';
export const APPLY_CHANGES = 'session_apply_changes';

export interface SnapshotInput {
  readonly sites: EditSites;
  /** The statement the close goes before. */
  readonly statement: StatementSite;
  /** The nodes of the session writes that may run after the close. */
  readonly writes: readonly number[];
  /** Output may be sent before the close / between the close and the apply. */
  readonly outputBeforeClose: boolean;
  readonly outputNodes: readonly number[];
  readonly isolation?: string;
  /**
   * `replace`: `statement` is the code's own plain close, after which the writes are lost
   * (`write-after-close`): the snapshot close takes its place. Else the snapshot close goes
   * before `statement` (an early close before the slow work).
   */
  readonly close?: 'before' | 'replace';
  /** Every path to the writes already switched the cookie and the cache limiter off (nothing to add). */
  readonly headersOff?: boolean;
}

/**
 * Close early with a snapshot, save only the changed keys after the last write:
 * - `$sessionSnapshot = session_snapshot_close();` before the slow statement: the helper keeps
 *   each key's serialised value and closes the session;
 * - the writes stay as they are: they change PHP's in-memory `$_SESSION`, which the code after
 *   them reads as before;
 * - `session_apply_changes($sessionSnapshot);` after the statement of the last write, in the
 *   close's block: the helper compares `$_SESSION` with the snapshot, reopens the session (which
 *   reads what other requests saved meanwhile), sets the keys this request set or changed,
 *   unsets the ones it removed, closes it, and takes a new snapshot. The whole array is never
 *   assigned back: that would undo a concurrent request's writes.
 *
 * The two helpers are inserted once per file, at its top (`topLevelInsertion`), each guarded by
 * `function_exists()` so that a file included twice, or two files that got them, declare them
 * once. A file that already has them, statement for statement, gets none again (a second fix in
 * the file, a second pass of `--fix`). Any other function of these names in the project (its own
 * snapshot helpers, whose equivalence the code cannot prove) makes the fix fall back to reopening
 * around each write.
 *
 * Offered only when every write, lifted to the statement of the close's block that holds it, is
 * that statement or follows it, and nothing from the first of them to the last can leave without
 * reaching the apply (`return`, `exit`, `throw`, a `break` out, a call that always exits): a
 * change that skipped the apply would be lost. An exception thrown inside a call there is not
 * seen (calls are not taken to throw) and would skip the apply too: the doc says to check.
 * `unsafe`: another request of the user may change the session between the close and the
 * apply, and the code after the apply sees it.
 */
export function snapshotHelpersFix(context: RuleContext, flow: UnitFlow, input: SnapshotInput): Fix[] {
  const { sites, statement } = input;
  const insertion = sites.topLevelInsertion?.();
  if (!insertion || !sites.hasTopLevelStatement || !sites.leavesEarly || !sites.namesVariable) return [];
  const span = writesSpan(flow, sites, statement, input.writes);
  if (!span) return [];
  const { last } = span;
  const group = { file: sites.file, start: span.first.span.start, end: last.span.end };
  if (sites.leavesEarly(group) || mayTerminate(flow, group)) return [];

  const helpers = helperStatements(sites, insertion.namespace !== '');
  const present = helpers.map((text) => sites.hasTopLevelStatement!(text));
  if (!helpersFree(context, flow, insertion.namespace, present)) return [];
  const variable = freeVariable(sites, flow);

  const q = sites.quote;
  const afterClose = reachedFrom(flow, nodesWithin(flow, statement.span));
  const beforeApply = reaching(flow, input.writes);
  const outputBeforeApply = input.outputNodes.some((id) => afterClose.has(id) && (beforeApply.has(id) || within(flow.unit.cfg.nodes[id]!.effect!.span, group)));
  const cookieless = outputBeforeApply && !input.outputBeforeClose && !input.headersOff ? `\n${statement.indent}ini_set(${q}session.use_cookies${q}, ${q}0${q});\n${statement.indent}ini_set(${q}session.cache_limiter${q}, ${q}${q});` : '';
  const edits: TextEdit[] = [];
  const missing = helpers.filter((_, index) => !present[index]);
  if (missing.length > 0) edits.push({ span: at(sites, insertion.offset), newText: `${insertion.blankBefore ? '\n' : ''}${missing.join('\n\n')}\n\n` });
  const snapshotClose = `$${variable} = ${SNAPSHOT_CLOSE}();${cookieless}`;
  const replacing = input.close === 'replace';
  edits.push(replacing ? { span: statement.span, newText: snapshotClose } : closeBefore(sites, statement, snapshotClose));
  edits.push({ span: at(sites, last.lineEnd!), newText: `${last.indent}${APPLY_CHANGES}($${variable});\n` });

  const helpersNote = missing.length > 0 ? `, with the helpers \`${SNAPSHOT_CLOSE}()\` and \`${APPLY_CHANGES}()\` added once to this file` : '';
  const how = replacing
    ? `Close the session with a snapshot (\`${SNAPSHOT_CLOSE}()\` in place of this close), and after the last lost write reopen it once to save only the keys this request set or unset${helpersNote}`
    : `Close the session before the slow work with a snapshot, and after the last write reopen it to save only the keys this request set or unset${helpersNote}`;
  const isolation = input.isolation === undefined ? {} : { isolation: input.isolation };
  if (input.outputBeforeClose) {
    return [
      {
        title: `${how} (not applied: output may be sent before the close, and a session cannot be started again once headers are sent, so the writes would be lost; move the output after the writes first)`,
        applicability: 'display-only',
        edits,
        ...isolation,
      },
    ];
  }
  const switched = cookieless ? '; the cookie and the cache limiter are switched off after the close, since output may be sent before the reopen' : '';
  const between = replacing ? 'may have changed the session since the close' : 'may change the session in between';
  return [
    {
      title: `${how} (check first: another request of this user ${between}; the reopen reads it again and never writes the whole array back${switched})`,
      applicability: 'unsafe',
      edits,
      ...isolation,
    },
  ];
}

/**
 * The statements of the close's block that hold the first and the last write (each write
 * lifted out of the `if`s and loops around it), or undefined when a write is not in that block
 * after the close, or may run before the close (a loop around it).
 */
function writesSpan(flow: UnitFlow, sites: EditSites, statement: StatementSite, writes: readonly number[]): { first: StatementSite; last: StatementSite } | undefined {
  const start = nodesWithin(flow, statement.span);
  const beforeClose = reaching(flow, entryNodes(flow, start));
  let first: StatementSite | undefined;
  let last: StatementSite | undefined;
  for (const id of writes) {
    const effect = flow.unit.cfg.nodes[id]!.effect!;
    if (beforeClose.has(id) && !within(effect.span, statement.span)) return undefined;
    let site = sites.statementAround(effect.span);
    while (site && spanKey(site.block) !== spanKey(statement.block) && within(site.span, flow.unit.span)) site = sites.statementAround(site.block);
    if (!site || spanKey(site.block) !== spanKey(statement.block) || !within(site.span, flow.unit.span) || site.span.start < statement.span.start) return undefined;
    if (!first || site.span.start < first.span.start) first = site;
    if (!last || site.span.start > last.span.start) last = site;
  }
  return first && last && last.lineEnd !== undefined ? { first, last } : undefined;
}

/** A call in the span that always ends the script (`exit` inside a helper): the apply would not run. */
function mayTerminate(flow: UnitFlow, span: { file: string; start: number; end: number }): boolean {
  const { cfg } = flow.unit;
  return nodesWithin(flow, span).some((id) => cfg.nodes[id]!.succs.some((edge) => edge.to === cfg.terminate || edge.to === cfg.throwExit));
}

/**
 * No function of the helpers' names is declared in the project but the helpers of this file
 * (`present`: already there): another one may do something else under the same name.
 */
function helpersFree(context: RuleContext, flow: UnitFlow, namespace: string, present: readonly boolean[]): boolean {
  if (!context.resolveCall) return true;
  return [SNAPSHOT_CLOSE, APPLY_CHANGES].every((name, index) => {
    const candidates = namespace ? [`${namespace}\\${name}`, name] : [name];
    const units = context.resolveCall!({ type: 'function', candidates }, flow.unit, flow.unit.span);
    return units.length === 0 || (present[index] === true && units.every((unit) => unit.span.file === context.file.file));
  });
}

/** `sessionSnapshot`, or `sessionSnapshot2`, … when the function already has a variable of that name. */
function freeVariable(sites: EditSites, flow: UnitFlow): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'sessionSnapshot' : `sessionSnapshot${n}`;
    if (!sites.namesVariable!(flow.unit.span, name)) return name;
  }
}

/**
 * The two helpers, written in the file's quote and indentation. In a namespaced file the
 * `function_exists()` guard names the namespaced function (`__NAMESPACE__ . '\…'`).
 */
export function helperStatements(sites: EditSites, namespaced: boolean): string[] {
  const q = sites.quote;
  const i = sites.indentUnit;
  const name = (fn: string): string => (namespaced ? `__NAMESPACE__ . ${q}\\${fn}${q}` : `${q}${fn}${q}`);
  const lines = (body: string[]): string => body.join('\n');
  const snapshotClose = lines([
    `if (!function_exists(${name(SNAPSHOT_CLOSE)})) {`,
    `${i}/**`,
    `${i} * Closes the session and returns what it held (each key's value, serialised), so that`,
    `${i} * ${APPLY_CHANGES}() can later save only the keys this request changed.`,
    `${i} */`,
    `${i}function ${SNAPSHOT_CLOSE}(): array`,
    `${i}{`,
    `${i}${i}$snapshot = array_map(${q}serialize${q}, $_SESSION ?? []);`,
    `${i}${i}session_write_close();`,
    `${i}${i}return $snapshot;`,
    `${i}}`,
    `}`,
  ]);
  const applyChanges = lines([
    `if (!function_exists(${name(APPLY_CHANGES)})) {`,
    `${i}/**`,
    `${i} * Reopens the session, which reads what other requests saved since the snapshot, sets the`,
    `${i} * keys this request set or changed and unsets the ones it removed (never the whole array),`,
    `${i} * closes it again and takes a new snapshot.`,
    `${i} */`,
    `${i}function ${APPLY_CHANGES}(array &$snapshot): void`,
    `${i}{`,
    `${i}${i}$set = [];`,
    `${i}${i}foreach ($_SESSION ?? [] as $key => $value) {`,
    `${i}${i}${i}if (!array_key_exists($key, $snapshot) || $snapshot[$key] !== serialize($value)) {`,
    `${i}${i}${i}${i}$set[$key] = $value;`,
    `${i}${i}${i}}`,
    `${i}${i}}`,
    `${i}${i}$unset = array_keys(array_diff_key($snapshot, $_SESSION ?? []));`,
    `${i}${i}session_start();`,
    `${i}${i}foreach ($set as $key => $value) {`,
    `${i}${i}${i}$_SESSION[$key] = $value;`,
    `${i}${i}}`,
    `${i}${i}foreach ($unset as $key) {`,
    `${i}${i}${i}unset($_SESSION[$key]);`,
    `${i}${i}}`,
    `${i}${i}session_write_close();`,
    `${i}${i}$snapshot = array_map(${q}serialize${q}, $_SESSION);`,
    `${i}}`,
    `}`,
  ]);
  return [snapshotClose, applyChanges];
}
