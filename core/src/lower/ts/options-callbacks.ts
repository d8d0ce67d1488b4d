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
