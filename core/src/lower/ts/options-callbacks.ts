import * as ts from 'typescript';

/**
 * Callbacks passed inside an options object (`withRedisLock({ key, fn: async () => … })`):
 * the helper runs `options.fn()` or a `fn` it destructured in its parameter list, and the
 * caller's object literal binds a closure or a function to that property. They are bound
 * and followed as a callback passed as a plain argument is (`CallTarget` `parameter` with a
 * `property`).
 */

/** A parameter's position and the property of it a name stands for. */
export interface ParameterProperty {
  readonly index: number;
  readonly property: string;
}

/**
 * The names an object binding pattern in the parameter list binds directly to a property
 * (`{ key, fn }`, `{ fn: run }`, with or without a default), by name. Nested patterns, rest
 * elements and computed names bind something else and are left out.
 */
export function destructuredParameters(parameters: readonly ts.ParameterDeclaration[]): Map<string, ParameterProperty> {
  const names = new Map<string, ParameterProperty>();
  parameters.forEach((parameter, index) => {
    if (!ts.isObjectBindingPattern(parameter.name)) return;
    for (const element of parameter.name.elements) {
      const property = destructuredProperty(element);
      if (property !== undefined && ts.isIdentifier(element.name)) names.set(element.name.text, { index, property });
    }
  });
  return names;
}

/** The property an element of an object binding pattern reads, when it is a plain one. */
export function destructuredProperty(element: ts.BindingElement): string | undefined {
  if (element.dotDotDotToken || !ts.isIdentifier(element.name)) return undefined;
  const key = element.propertyName;
  if (key === undefined) return element.name.text;
  if (ts.isIdentifier(key) || ts.isStringLiteral(key)) return key.text;
  return undefined;
}

/**
 * The function-valued properties an object literal argument gives (`fn: async () => …`,
 * `async work(client) { … }`, `fn: notify`, shorthand `{ fn }`), each with the expression
 * that is its value (for a method, the method itself). Spread and computed names are unknown
 * and left out.
 */
export function objectLiteralFunctions(literal: ts.ObjectLiteralExpression): { property: string; value: ts.Expression | ts.MethodDeclaration }[] {
  const found: { property: string; value: ts.Expression | ts.MethodDeclaration }[] = [];
  for (const member of literal.properties) {
    const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
    if (name === undefined) continue;
    if (ts.isPropertyAssignment(member)) found.push({ property: name, value: member.initializer });
    else if (ts.isShorthandPropertyAssignment(member)) found.push({ property: name, value: member.name });
    else if (ts.isMethodDeclaration(member) && member.body) found.push({ property: name, value: member });
  }
  return found;
}

/**
 * The members an options parameter's declared type says are functions (`options: { key:
 * string; work: (c: Client) => Promise<T> }`, or an interface or type alias of the same file
 * written so). Only these are taken for callbacks in `options.work()`: a method called on any
 * other parameter (`data.map()`, `res.json()`) is the value's own, and taking it for a callback
 * would lend the unit's resources to every caller that passes a callable.
 */
export function callableMembers(type: ts.TypeNode | undefined, source: ts.SourceFile): Set<string> {
  const found = new Set<string>();
  for (const member of membersOf(type, source)) {
    const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
    if (name === undefined) continue;
    if (ts.isMethodSignature(member) || (ts.isPropertySignature(member) && isFunctionType(member.type))) found.add(name);
  }
  return found;
}

function membersOf(type: ts.TypeNode | undefined, source: ts.SourceFile): readonly ts.TypeElement[] {
  if (!type) return [];
  if (ts.isTypeLiteralNode(type)) return type.members;
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return [];
  const name = type.typeName.text;
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) return statement.members;
    if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name && ts.isTypeLiteralNode(statement.type)) return statement.type.members;
  }
  return [];
}

/** `() => Promise<T>`, `(() => void) | undefined`, `(c: Client) => T` in parentheses. */
function isFunctionType(type: ts.TypeNode | undefined): boolean {
  if (!type) return false;
  if (ts.isFunctionTypeNode(type)) return true;
  if (ts.isParenthesizedTypeNode(type)) return isFunctionType(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.some(isFunctionType);
  return false;
}
