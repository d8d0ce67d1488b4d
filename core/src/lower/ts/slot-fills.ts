import * as ts from 'typescript';
import type { CallTarget } from '../../ir/effects';
import type { RegistryStore } from '../../ir/unit';
import type { TsTypeOracle } from './context';
import type { ModuleLinks } from './module-links';
import { unwrap } from './syntax';

/**
 * The functions a file's object literals give for members of inline object types
 * (`type-slots.ts`): `sendEmail: async (m) => …` in the literal an email adapter factory
 * returns. Each is a store into the registry keyed by the member's declaration, so a call of
 * the member (`email.sendEmail(…)`, CallTarget `registry` inside `configured`) runs one of
 * them. A literal gives something the analysis cannot name there (`sendEmail: transport.send`)
 * as an unknown store, which leaves the slot unbounded: then the call runs nothing known.
 *
 * Only literals a slot could be filled by are asked about (the checker's contextual type costs
 * a little per literal): those with a function written in them, and those a factory returns or
 * an annotated declaration is given (`() => ({ sendSms: gateway.send })`, `const a: Adapter =
 * {…}`), where a function named rather than written must still be seen. A literal of another
 * shape that only names the function (an argument `f({ sendEmail })`) is not asked about.
 */
export function slotFills(source: ts.SourceFile, file: string, types: TsTypeOracle, functions: ReadonlyMap<string, CallTarget>, links: ModuleLinks | undefined): RegistryStore[] {
  const stores: RegistryStore[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && (node.properties.some((p) => writtenFunction(p) !== undefined) || givenAsValue(node))) {
      for (const property of node.properties) {
        if (ts.isSpreadAssignment(property)) continue;
        const key = types.filledSlot?.(property);
        if (key === undefined) continue;
        const target = givenFunction(property, source, file, functions, links);
        stores.push({ key, value: target ? { target } : { unknown: true } });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return stores;
}

/** A literal a function returns (`=> ({…})`, `return {…}`) or an annotated declaration is given (`const a: Adapter = {…}`). */
function givenAsValue(literal: ts.ObjectLiteralExpression): boolean {
  let node: ts.Node = literal;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isArrowFunction(parent) || ts.isReturnStatement(parent)) return true;
  return (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.type !== undefined && parent.initializer === node;
}

/** `m: async () => …`, `m: function () {…}`, `async m() {…}`: the function written there. */
function writtenFunction(property: ts.ObjectLiteralElementLike): ts.FunctionLikeDeclaration | undefined {
  if (ts.isMethodDeclaration(property)) return property.body ? property : undefined;
  if (!ts.isPropertyAssignment(property)) return undefined;
  const value = unwrap(property.initializer);
  return ts.isArrowFunction(value) || ts.isFunctionExpression(value) ? value : undefined;
}

function givenFunction(property: ts.ObjectLiteralElementLike, source: ts.SourceFile, file: string, functions: ReadonlyMap<string, CallTarget>, links: ModuleLinks | undefined): CallTarget | undefined {
  const written = writtenFunction(property);
  if (written) return { type: 'closure', file, start: written.getStart(source) };
  // A function named (`sendEmail`, `{ sendEmail }`), or made by a project function that returns
  // one (`sendMessage: sendMessage(getConfig)`, a curried sender, as logto's connectors write).
  const given = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? unwrap(property.initializer) : undefined;
  if (!given) return undefined;
  const value = links?.valueOf(given);
  if (value?.kind === 'function') return value.target;
  return ts.isIdentifier(given) ? functions.get(given.text) : undefined;
}
