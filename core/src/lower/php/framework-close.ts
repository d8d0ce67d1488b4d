import type { ApiEntry } from '../../catalog';
import type { SyntaxNode } from '../../parse/php';
import type { CallSite } from './calls';
import type { UnitContext } from './context';

/**
 * The framework's own close of a session a call opens, written with the expression the code
 * reaches that session through: `$session->get('cart')` on a class whose catalog entry has a
 * write-back close `save` gives `$session->save()`; `session()` (an accessor that returns the
 * session and starts it) gives `session()->close()`. A fix inserts it where the native
 * `session_write_close()` would bypass the framework's own bookkeeping.
 *
 * Only an expression that names the same session again when evaluated a second time qualifies:
 * variables, property chains (`$this->session`, `Yii::$app->session`) and accessor calls with
 * literal arguments on such a receiver. Anything else (a `new`, a call with computed
 * arguments, a multi-line expression) gets none.
 */
export function frameworkCloseCall(ctx: UnitContext, site: CallSite, api: ApiEntry): string | undefined {
  const [sessionClass, expression] =
    api.returns !== undefined ? [api.returns, site.node] : site.target.type === 'method' ? [site.target.className, receiverOf(site.node)] : [undefined, undefined];
  if (!sessionClass || !expression || !reEvaluable(expression) || expression.text.includes('\n')) return undefined;
  const close = writeCloseMethod(ctx, sessionClass);
  return close ? `${expression.text}->${close}()` : undefined;
}

function receiverOf(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'member_call_expression') return undefined;
  return node.childForFieldName('object') ?? undefined;
}

/**
 * The instance method the catalog marks as the class's write-back close, through its parents
 * (not one the project's version of the framework may lack: `notInsertedByFixes`).
 */
function writeCloseMethod(ctx: UnitContext, className: string): string | undefined {
  const seen = new Set<string>();
  for (let current: string | undefined = className; current && !seen.has(current); current = ctx.catalog.classParents?.[current] ?? ctx.facts.symbols.parentOf(current)) {
    seen.add(current);
    for (const [method, entry] of Object.entries(ctx.catalog.methods[current] ?? {})) {
      if (entry.effect === 'close' && entry.how === 'write' && method !== '*' && entry.notInsertedByFixes !== true) return method;
    }
  }
  return undefined;
}

/** Evaluating it again reaches the same object and changes nothing. */
function reEvaluable(node: SyntaxNode): boolean {
  switch (node.type) {
    case 'variable_name':
      return true;
    case 'member_access_expression': {
      const object = node.childForFieldName('object');
      return node.childForFieldName('name')?.type === 'name' && object !== null && reEvaluable(object);
    }
    case 'scoped_property_access_expression': {
      const scope = node.childForFieldName('scope');
      return scope?.type === 'name' || scope?.type === 'qualified_name';
    }
    case 'function_call_expression': {
      const callee = node.childForFieldName('function');
      return (callee?.type === 'name' || callee?.type === 'qualified_name') && literalArguments(node);
    }
    case 'scoped_call_expression': {
      const scope = node.childForFieldName('scope');
      return (scope?.type === 'name' || scope?.type === 'qualified_name') && node.childForFieldName('name')?.type === 'name' && literalArguments(node);
    }
    case 'member_call_expression': {
      const object = node.childForFieldName('object');
      return object !== null && reEvaluable(object) && node.childForFieldName('name')?.type === 'name' && literalArguments(node);
    }
    default:
      return false;
  }
}

const LITERALS = new Set(['string', 'encapsed_string', 'integer', 'float', 'boolean', 'null']);

function literalArguments(call: SyntaxNode): boolean {
  const list = call.childForFieldName('arguments');
  if (!list) return false;
  return list.namedChildren.every((arg) => {
    if (arg?.type !== 'argument' || arg.childForFieldName('name')) return false;
    const value = arg.namedChild(0);
    return value !== null && LITERALS.has(value.type) && (value.type !== 'encapsed_string' || value.namedChildren.every((part) => part?.type === 'string_content'));
  });
}
