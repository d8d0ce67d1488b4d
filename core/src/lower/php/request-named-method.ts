import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { assignmentsIn } from './variable-value';

/**
 * `$controller->$action()` where the request names the method: `$action = $_GET['action'] ??
 * 'index'` (Anemometer's `index.php`: `$controller = new Anemometer($conf); …
 * $controller->$action();`). The code bounds no name, but the request can name any public
 * method of the object's class, and only those: called from outside the class, PHP runs no
 * other. So each public method of the class is a candidate the user can choose (a dispatch),
 * where an unbounded name chosen by code (`$this->$name()`, a name read from configuration)
 * stays unresolved.
 *
 * True when `name` is a local variable (not a parameter) whose every assignment in the unit is
 * a literal string or a value read from the request, at least one of them from the request, and
 * the receiver is not `$this` (inside its class a call reaches private methods too, and the
 * name is usually the class's own choice).
 */
export function isRequestNamedMethod(ctx: UnitContext, receiver: SyntaxNode, name: SyntaxNode): boolean {
  if (name.type !== 'variable_name' || ctx.parameters.has(name.text) || !ctx.unitNode) return false;
  if (receiver.type === 'variable_name' && receiver.text === '$this') return false;
  const assigned = assignmentsIn(ctx.unitNode, name.text);
  if (!assigned || assigned.length === 0) return false;
  const kinds = assigned.map(valueKind);
  return kinds.every((kind) => kind !== undefined) && kinds.includes('request');
}

/** The superglobals whose values the client sends. */
const REQUEST_ARRAYS = new Set(['$_GET', '$_POST', '$_REQUEST']);

/** String functions that keep the value a name the client chose. */
const NAME_KEEPING = new Set(['trim', 'strtolower', 'strtoupper', 'strval', 'basename', 'urldecode']);

/**
 * `'request'` for a value the client sends (`$_GET['a']`, `filter_input(INPUT_GET, 'a')`, or
 * one kept by a string function), `'literal'` for a string literal, through `?:`, `??` and
 * parentheses (every branch must be one of them); else undefined (an element of a map the
 * request picks, `$actions[$_GET['a']]`, is bounded by the map, not chosen by the client).
 */
function valueKind(node: SyntaxNode): 'request' | 'literal' | undefined {
  switch (node.type) {
    case 'string':
    case 'encapsed_string':
      return node.descendantsOfType('variable_name').length === 0 ? 'literal' : undefined;
    case 'parenthesized_expression':
    case 'cast_expression': {
      const inner = node.namedChildren[node.namedChildren.length - 1];
      return inner ? valueKind(inner) : undefined;
    }
    case 'subscript_expression': {
      const base = node.namedChild(0);
      return base?.type === 'variable_name' && REQUEST_ARRAYS.has(base.text) ? 'request' : undefined;
    }
    case 'conditional_expression': {
      const body = node.childForFieldName('body') ?? node.childForFieldName('condition');
      const alternative = node.childForFieldName('alternative');
      return body && alternative ? joined(valueKind(body), valueKind(alternative)) : undefined;
    }
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.text !== '??') return undefined;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      return left && right ? joined(valueKind(left), valueKind(right)) : undefined;
    }
    case 'function_call_expression': {
      const called = node.childForFieldName('function')?.text.toLowerCase().replace(/^\\/, '');
      const first = node.childForFieldName('arguments')?.namedChild(0)?.namedChild(0);
      if (!called || !first) return undefined;
      if (called === 'filter_input') return /^INPUT_(GET|POST|REQUEST)$/.test(first.text) ? 'request' : undefined;
      return NAME_KEEPING.has(called) ? valueKind(first) : undefined;
    }
    default:
      return undefined;
  }
}

function joined(a: 'request' | 'literal' | undefined, b: 'request' | 'literal' | undefined): 'request' | 'literal' | undefined {
  if (a === undefined || b === undefined) return undefined;
  return a === 'request' || b === 'request' ? 'request' : 'literal';
}
