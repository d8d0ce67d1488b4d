import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { fullyKnown } from './static-string';

/** Variables followed to their assignment before giving up (`$a = $b * 2; $b = 30;`). */
const MAX_DEPTH = 4;

/**
 * The value of a numeric expression the code spells out: literals, `+ - * /`, parentheses,
 * unary minus, and variables assigned once in the unit. Undefined for anything else
 * (a parameter, a call, a setting read at run time). Nothing is executed.
 */
export function numericValue(ctx: UnitContext, node: SyntaxNode | null | undefined, depth = 0): number | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'argument':
      return numericValue(ctx, node.namedChildren.find((c) => c?.type !== 'name') ?? node.namedChild(0), depth);
    case 'parenthesized_expression':
      return numericValue(ctx, node.namedChild(0), depth);
    case 'integer':
    case 'float':
      return numberLiteral(node.text);
    case 'unary_op_expression': {
      const operand = numericValue(ctx, node.namedChild(0), depth);
      const operator = node.child(0)?.text;
      if (operand === undefined) return undefined;
      return operator === '-' ? -operand : operator === '+' ? operand : undefined;
    }
    case 'cast_expression':
      // `(int) 30`, `(float) $x`
      return numericValue(ctx, node.childForFieldName('value') ?? node.namedChild(node.namedChildCount - 1), depth);
    case 'binary_expression': {
      const left = numericValue(ctx, node.childForFieldName('left'), depth);
      const right = numericValue(ctx, node.childForFieldName('right'), depth);
      if (left === undefined || right === undefined) return undefined;
      switch (node.childForFieldName('operator')?.text) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          return right === 0 ? undefined : left / right;
        default:
          return undefined;
      }
    }
    case 'name':
    case 'qualified_name': {
      // A project constant: `const POLL_SECONDS = 25;`, `define('TIMEOUT', 10)`.
      const written = node.text.startsWith('\\') ? node.text.slice(1) : node.text;
      const value = ctx.facts.symbols.constant(written);
      const text = value ? fullyKnown(value) : undefined;
      return text === undefined ? undefined : numberLiteral(text);
    }
    case 'variable_name': {
      const assigned = ctx.singleAssignments.get(node.text);
      return assigned ? numericValue(ctx, assigned, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** `30`, `1_000_000`, `0.5`, `0x1E`: PHP's numeric literal spellings. */
function numberLiteral(text: string): number | undefined {
  const plain = text.trim().split('_').join('').toLowerCase();
  if (plain === '') return undefined;
  if (plain.startsWith('0b')) return parseInt(plain.slice(2), 2);
  if (plain.startsWith('0o')) return parseInt(plain.slice(2), 8);
  // `017` is octal in PHP; `0.5` and `0` are not.
  if (plain.length > 1 && plain.startsWith('0') && !plain.startsWith('0x') && !plain.includes('.') && !plain.includes('e')) {
    return parseInt(plain.slice(1), 8);
  }
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}
