import type { SyntaxNode } from '../../parse/php';
import { argumentIsOneOf, lookupMethod } from './calls';
import type { UnitContext } from './context';
import { nativeCallOf } from './native-calls';
import { dynamicClassTarget } from './dynamic-class';
import { serviceClassOf } from './container-services';
import { callArguments } from './literals';
import { globalsElementType } from './globals-elements';

/**
 * The class of an expression's value, when the code says it: `$this`, a typed or assigned
 * variable, `new Foo`, a property's declared type (`$this->http`), and what a call returns
 * (a declared or `@return` type of project code, or the catalog's `returns`), chained as far
 * as it goes: `$request->getSession()->get()`, `$this->factory()->client()->send()`.
 */
export function typeOf(ctx: UnitContext, node: SyntaxNode | null, depth = 0): string | undefined {
  if (!node || depth > 8) return undefined;
  switch (node.type) {
    case 'variable_name':
      return node.text === '$this' ? ctx.className : ctx.variableTypes.get(node.text);
    case 'parenthesized_expression':
      return typeOf(ctx, node.namedChild(0), depth + 1);
    case 'subscript_expression':
      // `$GLOBALS['shop']`: the global `$shop`.
      return globalsElementType(ctx, node);
    case 'object_creation_expression': {
      const classNode = node.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name' || c?.type === 'relative_scope');
      // `new self()`, `new static()`: the class the code is in.
      const keyword = classNode?.text.toLowerCase();
      if (keyword === 'self' || keyword === 'static') return ctx.className;
      if (keyword === 'parent') return ctx.className ? ctx.facts.symbols.parentOf(ctx.className) : undefined;
      if (classNode) return ctx.names.resolveClass(classNode.text);
      // `new $class()` of a class the unit names (a literal assigned once).
      const variable = node.namedChildren.find((c) => c?.type === 'variable_name');
      const target = variable ? dynamicClassTarget(ctx, variable) : undefined;
      return target?.type === 'method' ? target.className : undefined;
    }
    case 'member_access_expression':
    case 'nullsafe_member_access_expression': {
      const owner = typeOf(ctx, node.childForFieldName('object'), depth + 1);
      const property = node.childForFieldName('name');
      if (!owner || property?.type !== 'name') return undefined;
      return (
        ctx.facts.symbols.propertyType(owner, property.text) ??
        libraryPropertyType(ctx, owner, property.text) ??
        assignedCallType(ctx, owner, property.text) ??
        ctx.facts.symbols.constructedClass(owner, property.text)
      );
    }
    case 'scoped_property_access_expression': {
      // `Yii::$app`: a static property of a library class.
      const scope = node.childForFieldName('scope');
      const name = node.childForFieldName('name');
      if ((scope?.type !== 'name' && scope?.type !== 'qualified_name') || name?.type !== 'variable_name') return undefined;
      return libraryPropertyType(ctx, ctx.names.resolveClass(scope.text), name.text);
    }
    case 'member_call_expression':
    case 'nullsafe_member_call_expression': {
      const receiver = typeOf(ctx, node.childForFieldName('object'), depth + 1);
      const method = node.childForFieldName('name');
      if (!receiver || method?.type !== 'name') return undefined;
      // `$container->get('mailer')`: the class the project's service definitions give that id.
      return serviceClassOf(ctx, receiver, method.text.toLowerCase(), callArguments(node)) ?? returnedBy(ctx, receiver, method.text.toLowerCase());
    }
    case 'scoped_call_expression': {
      const scope = node.childForFieldName('scope');
      const method = node.childForFieldName('name');
      if (!scope || method?.type !== 'name') return undefined;
      const keyword = scope.text.toLowerCase();
      const className =
        keyword === 'self' || keyword === 'static'
          ? ctx.className
          : keyword === 'parent'
            ? (ctx.className ? ctx.facts.symbols.parentOf(ctx.className) : undefined)
            : ctx.names.resolveClass(scope.text);
      return className ? returnedBy(ctx, className, method.text.toLowerCase()) : undefined;
    }
    case 'function_call_expression': {
      const callee = node.childForFieldName('function');
      if (callee?.type !== 'name' && callee?.type !== 'qualified_name') return undefined;
      const project = ctx.names.functionCandidates(callee.text).find((c) => ctx.facts.symbols.hasFunction(c));
      if (project) return ctx.facts.symbols.functionReturnType(project);
      const entry = nativeCallOf(ctx, node)?.api;
      // `service('session')` returns the session; `service('email')` something else.
      if (entry?.onlyWithArgument && !argumentIsOneOf(ctx, callArguments(node)[entry.onlyWithArgument.index], entry.onlyWithArgument.values)) return undefined;
      return entry?.returns;
    }
    default:
      return undefined;
  }
}

/**
 * The catalog's type for a property of a library class that `className` is or extends
 * (`$this->request` in a class extending CakePHP's `Controller`), through project and
 * catalog parents and the library traits they use.
 */
function libraryPropertyType(ctx: UnitContext, className: string, property: string): string | undefined {
  const properties = ctx.catalog.properties;
  if (!properties) return undefined;
  const seen = new Set<string>();
  for (let current: string | undefined = className; current && !seen.has(current); ) {
    seen.add(current);
    const type = properties[current]?.[property];
    if (type) return type;
    // A library trait the class uses declares it (Symfony's `ContainerAwareTrait`: `$this->container`).
    const fromTrait = ctx.facts.symbols.traitsOf(current).map((trait) => properties[trait]?.[property]).find((t) => t !== undefined);
    if (fromTrait) return fromTrait;
    current = ctx.facts.symbols.parentOf(current) ?? ctx.catalog.classParents?.[current];
  }
  return undefined;
}

/** What the call a class assigns to `$this->property` returns (`$this->session = session()`). */
function assignedCallType(ctx: UnitContext, className: string, property: string): string | undefined {
  const call = ctx.facts.symbols.propertyCall(className, property);
  if (!call) return undefined;
  if (call.type === 'static') return returnedBy(ctx, call.className, call.method);
  const project = call.candidates.find((c) => ctx.facts.symbols.hasFunction(c));
  if (project) return ctx.facts.symbols.functionReturnType(project);
  return ctx.catalog.functions[call.candidates[call.candidates.length - 1]!]?.returns;
}

/** What `method` returns on an object of `className`: project code first, then the catalog. */
function returnedBy(ctx: UnitContext, className: string, method: string): string | undefined {
  return ctx.facts.symbols.methodReturnType(className, method) ?? lookupMethod(ctx, className, method)?.returns;
}
