import type { CallTarget } from '../../ir/effects';
import type { SyntaxNode } from '../../parse/php';
import { capturedParameter, capturesParameters } from './captured-parameters';
import type { UnitContext } from './context';
import { dispatchTarget } from './dispatch-target';
import { registryTarget } from './registries';
import { literalString } from './session-access';
import { argumentValue } from './literals';

/**
 * What a callable value runs, when the syntax tells: a closure or arrow function, a
 * first-class callable (`fetch(...)`, `$this->load(...)`), a function name string
 * (`'fetch_rates'`), `[$this, 'method']`, `[Foo::class, 'method']`, a parameter of the
 * unit (bound by each caller), or a variable assigned one of those exactly once.
 */
export function callableTarget(ctx: UnitContext, node: SyntaxNode | null | undefined, depth = 0): CallTarget | undefined {
  if (!node || depth > 4) return undefined;
  switch (node.type) {
    case 'argument':
      return callableTarget(ctx, argumentValue(node), depth);
    case 'parenthesized_expression':
      return callableTarget(ctx, node.namedChild(0), depth);
    case 'anonymous_function':
    case 'arrow_function':
      return { type: 'closure', file: ctx.facts.file, start: node.startIndex };
    case 'variable_name': {
      const parameter = ctx.parameters.get(node.text);
      if (parameter !== undefined) return { type: 'parameter', index: parameter };
      // `function () use ($work) { $work(); }`: what the function around was given.
      const captured = isClosure(ctx.unitNode) && !ctx.assignments.has(node.text) ? capturedParameter(ctx.unitNode, node.text) : undefined;
      if (captured) return { type: 'parameter', index: captured.index, captured: captured.captured };
      return callableTarget(ctx, ctx.singleAssignments.get(node.text), depth + 1);
    }
    case 'string':
    case 'encapsed_string': {
      const name = literalString(node);
      if (!name) return undefined;
      // `'Poller::poll'`: a static method, by a class name written in full.
      if (name.includes('::')) return staticMethodTarget(ctx, name);
      return { type: 'function', candidates: [(name.startsWith('\\') ? name.slice(1) : name).toLowerCase()] };
    }
    case 'function_call_expression': {
      // `fetch(...)`: a first-class callable of a named function.
      const callee = node.childForFieldName('function');
      if (!isFirstClass(node) || !callee || (callee.type !== 'name' && callee.type !== 'qualified_name')) return undefined;
      return { type: 'function', candidates: ctx.names.functionCandidates(callee.text) };
    }
    case 'member_call_expression': {
      const object = node.childForFieldName('object');
      const name = node.childForFieldName('name');
      if (!isFirstClass(node) || object?.text !== '$this' || name?.type !== 'name' || !ctx.className) return undefined;
      return { type: 'method', className: ctx.className, method: name.text.toLowerCase() };
    }
    case 'subscript_expression':
      // `$Ossn->page[$handler]`: one of the callables a registry holds.
      return registryTarget(ctx, node);
    case 'array_creation_expression': {
      const elements = node.namedChildren.filter((c): c is SyntaxNode => c?.type === 'array_element_initializer');
      if (elements.length !== 2) return undefined;
      const receiver = elements[0]!.namedChild(0);
      const method = elements[1]!.namedChild(0);
      const methodName = method ? literalString(method) : undefined;
      const className = receiver ? classOfReceiver(ctx, receiver) : undefined;
      if (className && methodName) return { type: 'method', className, method: methodName.toLowerCase() };
      // `[$this->controller, $action]`: a dispatch, when the code bounds both names.
      return receiver && method ? dispatchTarget(ctx, receiver, method) : undefined;
    }
    default:
      return undefined;
  }
}

function staticMethodTarget(ctx: UnitContext, name: string): CallTarget | undefined {
  const [scope, method, ...rest] = name.split('::');
  if (!scope || !method || rest.length > 0) return undefined;
  const keyword = scope.toLowerCase();
  // `'parent::x'` and friends are deprecated and rare; `self`/`static` name the class around.
  const className = keyword === 'self' || keyword === 'static' ? ctx.className : keyword === 'parent' ? undefined : ctx.names.resolveClass(scope.startsWith('\\') ? scope : `\\${scope}`);
  return className ? { type: 'method', className, method: method.toLowerCase() } : undefined;
}

/** `strlen(...)`, `$this->load(...)`: a first-class callable is a value; creating it calls nothing. */
export function isFirstClass(call: SyntaxNode): boolean {
  const list = call.childForFieldName('arguments') ?? call.namedChildren.find((c) => c?.type === 'arguments');
  return list?.namedChildren.some((c) => c?.type === 'variadic_placeholder') ?? false;
}

/** `$this`, `self::class`, `static::class`, `Foo::class`, `'Foo'` → the class. */
function classOfReceiver(ctx: UnitContext, node: SyntaxNode): string | undefined {
  if (node.type === 'variable_name') return node.text === '$this' ? ctx.className : ctx.variableTypes.get(node.text);
  const literal = literalString(node);
  if (literal !== undefined) return ctx.names.resolveClass(literal.startsWith('\\') ? literal : `\\${literal}`);
  if (node.type === 'class_constant_access_expression') {
    const [scope, constant] = node.namedChildren;
    if (constant?.text !== 'class' || !scope) return undefined;
    const keyword = scope.text.toLowerCase();
    if (keyword === 'self' || keyword === 'static') return ctx.className;
    return ctx.names.resolveClass(scope.text);
  }
  return undefined;
}

/**
 * Callables among a call's arguments, by position. A closure that reads a parameter of a
 * function around it `captures`: the engine hands it the bindings of this unit. `native`
 * reads an argument first as a PHP function named by a string (`native-callables.ts`).
 */
export function callableArguments(
  ctx: UnitContext,
  args: readonly SyntaxNode[],
  native?: (arg: SyntaxNode) => CallTarget | undefined,
): { index: number; target: CallTarget; captures?: boolean }[] {
  const found: { index: number; target: CallTarget; captures?: boolean }[] = [];
  args.forEach((arg, index) => {
    const target = native?.(arg) ?? callableTarget(ctx, arg);
    if (target) found.push({ index, target, ...(capturingClosure(ctx, arg) ? { captures: true } : {}) });
  });
  return found;
}

/** The closure a callable value is, when it is one written in this unit that reads parameters of the functions around it. */
export function capturingClosure(ctx: UnitContext, node: SyntaxNode | null | undefined, depth = 0): boolean {
  if (!node || depth > 4) return false;
  switch (node.type) {
    case 'argument':
      return capturingClosure(ctx, argumentValue(node), depth);
    case 'parenthesized_expression':
      return capturingClosure(ctx, node.namedChild(0), depth);
    case 'variable_name':
      return !ctx.parameters.has(node.text) && capturingClosure(ctx, ctx.singleAssignments.get(node.text), depth + 1);
    case 'anonymous_function':
    case 'arrow_function':
      return capturesParameters(node);
    default:
      return false;
  }
}

function isClosure(node: SyntaxNode | undefined): node is SyntaxNode {
  return node?.type === 'anonymous_function' || node?.type === 'arrow_function';
}
