import type { SessionStoreCatalog } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { CallTarget } from '../../ir/effects';
import type { SyntaxNode } from '../../parse/php';
import { quoteCode } from '../../text/quote-code';
import { callableTarget } from './callables';
import type { CallSite } from './calls';
import type { UnitContext } from './context';
import { literalString } from './session-access';
import { typeOf } from './types';
import { NESTED_DECLARATIONS } from './unit-scope';
import { statementIn } from './sql-text';
import { staticAtRequestStart } from './predicates';
import { callArguments } from './literals';

/**
 * Session stores of the project's own. `session_set_save_handler()` becomes an `open` of the
 * store resource (so the flow knows on which paths a store is installed, through includes
 * and helpers like any open), plus a `StoreInstall` naming the handler's code. Every unit
 * also records the first call that takes a lock of its own, which is how the project
 * analysis tells a store whose `read` locks (`flock()`, `GET_LOCK()`, `SET … NX`) from one
 * that does not.
 */
export function emitStoreInstall(ctx: UnitContext, site: CallSite, cursor: Cursor): Cursor {
  const store = ctx.catalog.sessionStore;
  if (!store) return cursor;
  const span = ctx.span(site.node);
  const { display, code } = storeHandler(ctx, store, site.args);
  const handler = site.args[0] ? valueOf(site.args[0]) : undefined;
  // `session_set_save_handler(self::$instance)` after `self::$instance = new self()`: unset when a request starts.
  const atStart = handler && site.args.length <= 2 && storeHolders(ctx).has(handler.text) ? staticAtRequestStart(ctx, handler) : [];
  ctx.facts.storeInstalls.push({ span, display, code, ...(atStart.length > 0 ? { holderAtRequestStart: atStart } : {}) });
  return ctx.emit(cursor, {
    kind: 'open',
    resource: store.resource,
    mode: 'lock',
    api: site.display,
    span,
    label: `the session store ${display} is installed here by ${quoteCode(site.display)}`,
  });
}

/** Records the call as the unit's lock evidence when it is the first call that takes a lock. */
export function noteLockEvidence(ctx: UnitContext, site: CallSite): void {
  const store = ctx.catalog.sessionStore;
  if (ctx.lockEvidence || !store) return;
  const what = lockTakenBy(ctx, store, site);
  if (what) ctx.lockEvidence = { span: ctx.span(site.node), what };
}

/**
 * The handler's code, from the arguments: an object (`new Handler()`, a typed variable,
 * `$this`) whose `open`/`read` methods run, or the callables form, whose callables at the
 * catalog's positions do.
 */
function storeHandler(ctx: UnitContext, store: SessionStoreCatalog, args: readonly SyntaxNode[]): { display: string; code: CallTarget[] } {
  if (args.length >= 3) {
    const code = store.handlerCallables.flatMap((index): CallTarget[] => {
      const target = callableTarget(ctx, args[index]);
      return target && target.type !== 'parameter' ? [target] : [];
    });
    const read = args[store.handlerCallables[store.handlerCallables.length - 1] ?? 0];
    // `array($this, '_read')`: the store is the class whose methods these are.
    const readTarget = code[code.length - 1];
    if (readTarget?.type === 'method' && code.every((t) => t.type === 'method' && t.className === readTarget.className)) {
      // As written in its declaration when it is the class the code is in (`$this`).
      const own = read ? enclosingClassName(read) : undefined;
      const name = own && readTarget.className.toLowerCase().endsWith(own.toLowerCase()) ? own : readTarget.className;
      return { display: `\`${shorten(name)}\``, code };
    }
    return { display: read ? `\`${shorten(read.text)}\`` : 'of callables', code };
  }
  const value = args[0] ? valueOf(args[0]) : undefined;
  if (!value) return { display: 'with no handler', code: [] };
  // `self::$instance = new self($manager); … session_set_save_handler(self::$instance)`.
  const assigned = storeHolders(ctx).get(value.text);
  const className = typeOf(ctx, value) ?? (assigned ? typeOf(ctx, assigned) : undefined);
  const created = value.type === 'object_creation_expression' ? value : assigned;
  const written = created?.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name' || c?.type === 'relative_scope')?.text;
  // `new self()` names the class the code is in, as written in its declaration.
  const named = written && ['self', 'static'].includes(written.toLowerCase()) ? enclosingClassName(created!) : written;
  const display = `\`${shorten(named ?? value.text)}\``;
  if (!className) return { display, code: [] };
  return { display, code: store.handlerMethods.map((method) => ({ type: 'method', className, method })) };
}

/**
 * True for a condition that holds only once the unit has installed its store: a truthy test
 * of the property that holds the handler (`if (self::$instance) return;`, `isset(…)`,
 * `… !== null`), where the unit assigns it a new object and then installs it. The branch
 * where it holds is a later call, after the first one installed the store.
 */
export function testsInstalledStore(ctx: UnitContext, node: SyntaxNode): boolean {
  const holders = storeHolders(ctx);
  if (holders.size === 0) return false;
  return holders.has(testedHolder(node) ?? '');
}

function testedHolder(node: SyntaxNode): string | undefined {
  if (node.type === 'scoped_property_access_expression' || node.type === 'member_access_expression') return node.text;
  if (node.type === 'parenthesized_expression') return node.namedChild(0) ? testedHolder(node.namedChild(0)!) : undefined;
  if (node.type === 'isset_expression' || (node.type === 'function_call_expression' && node.childForFieldName('function')?.text.toLowerCase() === 'isset')) {
    const inner = node.descendantsOfType(['scoped_property_access_expression', 'member_access_expression'])[0];
    return inner?.text;
  }
  if (node.type === 'binary_expression') {
    const operator = node.childForFieldName('operator')?.text;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if ((operator !== '!==' && operator !== '!=') || !left || !right) return undefined;
    if (right.text.toLowerCase() === 'null') return testedHolder(left);
    if (left.text.toLowerCase() === 'null') return testedHolder(right);
  }
  return undefined;
}

/**
 * Properties the unit installs as its session store after assigning them a new object
 * (`self::$instance`, `$this->handler`), with the object's expression.
 */
function storeHolders(ctx: UnitContext): ReadonlyMap<string, SyntaxNode> {
  if (ctx.storeHolders) return ctx.storeHolders;
  const holders = new Map<string, SyntaxNode>();
  ctx.storeHolders = holders;
  if (!ctx.unitNode) return holders;
  const installs: { holder: string; start: number }[] = [];
  const assignments: { holder: string; start: number; value: SyntaxNode }[] = [];
  const stack: SyntaxNode[] = [ctx.unitNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== ctx.unitNode && NESTED_DECLARATIONS.has(node.type)) continue;
    if (node.type === 'function_call_expression') {
      const written = node.childForFieldName('function')?.text.toLowerCase() ?? '';
      const args = callArguments(node);
      const handler = args.length <= 2 && args[0] ? valueOf(args[0]) : undefined;
      const installsStore = ctx.catalog.functions[written.startsWith('\\') ? written.slice(1) : written]?.replacesSessionStore === true;
      if (installsStore && handler && (handler.type === 'scoped_property_access_expression' || handler.type === 'member_access_expression')) {
        installs.push({ holder: handler.text, start: node.startIndex });
      }
    }
    if (node.type === 'assignment_expression') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left && right?.type === 'object_creation_expression') assignments.push({ holder: left.text, start: node.startIndex, value: right });
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  for (const install of installs) {
    const made = assignments.filter((a) => a.holder === install.holder);
    if (made.length === 1 && made[0]!.start < install.start) holders.set(install.holder, made[0]!.value);
  }
  return holders;
}

function enclosingClassName(node: SyntaxNode): string | undefined {
  for (let current: SyntaxNode | null = node.parent; current; current = current.parent) {
    if (current.type === 'class_declaration') return current.childForFieldName('name')?.text;
  }
  return undefined;
}

function lockTakenBy(ctx: UnitContext, store: SessionStoreCatalog, site: CallSite): string | undefined {
  const target = site.target;
  if (target.type === 'function') {
    const name = target.candidates[target.candidates.length - 1];
    if (name !== undefined && store.lockFunctions.includes(name)) return quoteCode(site.display);
  }
  const method = target.type === 'method' || target.type === 'unknown-method' ? target.method : undefined;
  if (method !== undefined) {
    if (store.lockMethods.includes(method)) return quoteCode(site.display);
    // Own keys only: a PHP method may be called `constructor` or `valueOf`, which every JS object has.
    const flag = Object.hasOwn(store.lockFlags, method) ? store.lockFlags[method] : undefined;
    if (flag !== undefined && site.args.some((arg) => carriesFlag(valueOf(arg), flag))) return `${quoteCode(site.display)} with \`${flag}\``;
  }
  for (const arg of site.args) {
    const statement = lockingStatement(ctx, store, valueOf(arg));
    if (statement) return `\`${statement}\` in the SQL passed to ${quoteCode(site.display)}`;
  }
  return undefined;
}

/** `'NX'`, or an array literal with `'nx'` as a value or a key (`['nx', 'ex' => 30]`, `['nx' => true]`). */
function carriesFlag(node: SyntaxNode | undefined, flag: string): boolean {
  if (!node) return false;
  const literal = literalString(node);
  if (literal !== undefined) return literal.toLowerCase() === flag.toLowerCase();
  if (node.type !== 'array_creation_expression') return false;
  return node.namedChildren.some((element) => element?.type === 'array_element_initializer' && element.namedChildren.some((part) => part !== null && carriesFlag(part, flag)));
}

/** The lock statement of the catalog found in the SQL of an argument. */
function lockingStatement(ctx: UnitContext, store: SessionStoreCatalog, node: SyntaxNode | undefined): string | undefined {
  return statementIn(ctx, node, store.lockStatements);
}

function valueOf(arg: SyntaxNode): SyntaxNode | undefined {
  if (arg.type !== 'argument') return arg;
  const named = arg.namedChildren.filter((c): c is SyntaxNode => c !== null);
  return named.length > 1 && named[0]!.type === 'name' ? named[1] : named[0];
}

function shorten(text: string): string {
  const oneLine = text.split(/\s+/).join(' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
