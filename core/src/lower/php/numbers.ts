import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { argumentValue, callArguments, calledName } from './literals';
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
      return numericValue(ctx, argumentValue(node), depth);
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
    case 'function_call_expression': {
      // Arithmetic the code spells a number with (`2 * pow(10, 6)` microseconds).
      const args = callArguments(node).map((arg) => numericValue(ctx, arg, depth));
      if (args.some((value) => value === undefined)) return undefined;
      return mathFunction(calledName(node), args as number[]);
    }
    default:
      return undefined;
  }
}

/** PHP's pure math functions whose result follows from their numeric arguments. */
function mathFunction(name: string | undefined, args: readonly number[]): number | undefined {
  const [a, b] = args;
  switch (name) {
    case 'pow':
      return a !== undefined && b !== undefined && args.length === 2 ? a ** b : undefined;
    case 'intval':
      return a !== undefined && args.length === 1 ? Math.trunc(a) : undefined;
    case 'abs':
      return a !== undefined && args.length === 1 ? Math.abs(a) : undefined;
    case 'min':
      return args.length > 0 ? Math.min(...args) : undefined;
    case 'max':
      return args.length > 0 ? Math.max(...args) : undefined;
    default:
      return undefined;
  }
}

/**
 * The most a numeric expression can be, when the code bounds it without spelling it out:
 * its value when known; `C - $elapsed` where `$elapsed` is the time since an earlier clock
 * reading (never negative) is at most `C`, so `usleep(2 * pow(10, 6) - $elapsed)` sleeps at
 * most 2 s; `min(C, $x)` is at most `C`. Undefined when nothing bounds it.
 */
export function upperBound(ctx: UnitContext, node: SyntaxNode | null | undefined, depth = 0): number | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const exact = numericValue(ctx, node, depth);
  if (exact !== undefined) return exact;
  switch (node.type) {
    case 'argument':
      return upperBound(ctx, argumentValue(node), depth);
    case 'parenthesized_expression':
      return upperBound(ctx, node.namedChild(0), depth);
    case 'cast_expression':
      return upperBound(ctx, node.childForFieldName('value') ?? node.namedChild(node.namedChildCount - 1), depth);
    case 'variable_name': {
      const assigned = ctx.singleAssignments.get(node.text);
      return assigned ? upperBound(ctx, assigned, depth + 1) : undefined;
    }
    case 'binary_expression': {
      const operator = node.childForFieldName('operator')?.text;
      const left = upperBound(ctx, node.childForFieldName('left'), depth);
      if (operator === '-' && left !== undefined && isElapsedTime(ctx, node.childForFieldName('right'), depth)) return left;
      const right = upperBound(ctx, node.childForFieldName('right'), depth);
      return operator === '+' && left !== undefined && right !== undefined ? left + right : undefined;
    }
    case 'function_call_expression': {
      if (calledName(node) !== 'min') return undefined;
      const bounds = callArguments(node)
        .map((arg) => upperBound(ctx, arg, depth))
        .filter((value): value is number => value !== undefined);
      return bounds.length > 0 ? Math.min(...bounds) : undefined;
    }
    default:
      return undefined;
  }
}

/** Clock readings: `microtime(true)`, `time()`, `hrtime(true)`. */
const CLOCKS = new Set(['microtime', 'time', 'hrtime']);

/**
 * The time since an earlier reading of the same clock (`microtime(true) - $start`, with
 * `$start = microtime(true)` the variable's only assignment), which is never negative.
 */
function isElapsedTime(ctx: UnitContext, node: SyntaxNode | null | undefined, depth: number): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  if (node.type === 'parenthesized_expression') return isElapsedTime(ctx, node.namedChild(0), depth);
  if (node.type === 'variable_name') {
    const assigned = ctx.singleAssignments.get(node.text);
    return assigned !== undefined && isElapsedTime(ctx, assigned, depth + 1);
  }
  if (node.type !== 'binary_expression' || node.childForFieldName('operator')?.text !== '-') return false;
  const now = clockOf(ctx, node.childForFieldName('left'), depth);
  return now !== undefined && now === clockOf(ctx, node.childForFieldName('right'), depth);
}

/** The clock a reading comes from, directly or through the variable's only assignment. */
function clockOf(ctx: UnitContext, node: SyntaxNode | null | undefined, depth: number): string | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  if (node.type === 'variable_name') {
    const assigned = ctx.singleAssignments.get(node.text);
    return assigned ? clockOf(ctx, assigned, depth + 1) : undefined;
  }
  const name = node.type === 'function_call_expression' ? calledName(node) : undefined;
  return name !== undefined && CLOCKS.has(name) ? name : undefined;
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
