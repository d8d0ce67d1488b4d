import * as ts from 'typescript';
import { heldResourceModules, type NodeHeldResource, type NodeSlowClient } from '../../catalog';
import type { TsFileFacts } from './context';
import { requiredModule, resolveRef, type ImportRef } from './import-refs';
import { unwrap } from './syntax';

/**
 * Values made by calling a library's factory rather than `new`: an SDK client made by a call
 * (`nodemailer.createTransport(…)`, catalog `slowClients` with `made: 'call'`), and a holder
 * made in two steps (`const pgp = require('pg-promise')(); const db = pgp(cn)`, catalog
 * `heldResources` with `made: 'initialized'`). Found per file, from declarations and
 * assignments to variables and `this.` properties.
 */

interface FactoryValues {
  readonly holderVariables: Map<string, NodeHeldResource>;
  readonly holderProperties: Map<string, NodeHeldResource>;
  readonly clientVariables: Map<string, NodeSlowClient>;
  readonly clientProperties: Map<string, NodeSlowClient>;
}

const byFile = new WeakMap<TsFileFacts, FactoryValues>();


/** What a callee names in a module: an import, or `require('x')` itself (its default export). */
function calleeRef(facts: TsFileFacts, callee: ts.Expression): ImportRef | undefined {
  const required = requiredModule(callee);
  if (required !== undefined) return { module: required, name: 'default' };
  const ref = resolveRef(facts.imports.bindings, callee);
  // A CommonJS module called as a function is its default export.
  return ref && ref.name === '*' ? { ...ref, name: 'default' } : ref;
}

function clientMadeBy(facts: TsFileFacts, ref: ImportRef): NodeSlowClient | undefined {
  return facts.catalog.slowClients?.find((entry) => entry.made === 'call' && entry.className === ref.name && entry.modules.includes(ref.module));
}

function values(facts: TsFileFacts): FactoryValues {
  const known = byFile.get(facts);
  if (known) return known;
  const found: FactoryValues = { holderVariables: new Map(), holderProperties: new Map(), clientVariables: new Map(), clientProperties: new Map() };
  byFile.set(facts, found);
  const initializers = facts.catalog.heldResources.filter((entry) => entry.made === 'initialized');
  const hasCallClients = (facts.catalog.slowClients ?? []).some((entry) => entry.made === 'call');
  if (initializers.length === 0 && !hasCallClients) return found;
  // Variables holding an initialised library (`pgp`), by name.
  const libraries = new Map<string, NodeHeldResource>();
  const assignments: { target: ts.Node; value: ts.Expression }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer) assignments.push({ target: node.name, value: node.initializer });
    else if (ts.isPropertyDeclaration(node) && node.initializer) assignments.push({ target: node.name, value: node.initializer });
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) assignments.push({ target: unwrap(node.left), value: node.right });
    ts.forEachChild(node, visit);
  };
  visit(facts.source);
  const nameOf = (target: ts.Node): { name: string; property: boolean } | undefined => {
    if (ts.isIdentifier(target)) return { name: target.text, property: ts.isPropertyDeclaration(target.parent) };
    if (ts.isPrivateIdentifier(target)) return { name: target.text, property: true };
    if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) return { name: target.name.text, property: true };
    return undefined;
  };
  // First the initialised libraries (`const pgp = require('pg-promise')(options)`).
  for (const { target, value } of assignments) {
    const expr = unwrap(value);
    if (!ts.isCallExpression(expr) || !ts.isIdentifier(target)) continue;
    const ref = calleeRef(facts, expr.expression);
    const entry = ref && ref.name === 'default' ? initializers.find((e) => heldResourceModules(e).includes(ref.module)) : undefined;
    if (entry) libraries.set(target.text, entry);
  }
  for (const { target, value } of assignments) {
    const expr = unwrap(value);
    if (!ts.isCallExpression(expr)) continue;
    const name = nameOf(target);
    if (!name) continue;
    const callee = unwrap(expr.expression);
    // `pgp(cn)`, or `require('pg-promise')()(cn)` in one go.
    const library = ts.isIdentifier(callee) ? libraries.get(callee.text) : undefined;
    const inline = ts.isCallExpression(callee) ? calleeRef(facts, callee.expression) : undefined;
    const holder = library ?? (inline && inline.name === 'default' ? initializers.find((e) => heldResourceModules(e).includes(inline.module)) : undefined);
    if (holder) (name.property ? found.holderProperties : found.holderVariables).set(name.name, holder);
    const ref = hasCallClients ? calleeRef(facts, callee) : undefined;
    const client = ref ? clientMadeBy(facts, ref) : undefined;
    if (client) (name.property ? found.clientProperties : found.clientVariables).set(name.name, client);
  }
  return found;
}

/** A variable or `this.` property holding what a two-step factory made (`db = pgp(cn)`). */
export function factoryHolder(facts: TsFileFacts, receiver: ts.Expression): NodeHeldResource | undefined {
  const expr = unwrap(receiver);
  const found = values(facts);
  if (ts.isIdentifier(expr)) return found.holderVariables.get(expr.text);
  if (ts.isPropertyAccessExpression(expr) && expr.expression.kind === ts.SyntaxKind.ThisKeyword) return found.holderProperties.get(expr.name.text);
  return undefined;
}

/** A variable or `this.` property holding an SDK client made by a call (`nodemailer.createTransport()`). */
export function factoryClient(facts: TsFileFacts, receiver: ts.Expression): NodeSlowClient | undefined {
  const expr = unwrap(receiver);
  const found = values(facts);
  if (ts.isIdentifier(expr)) return found.clientVariables.get(expr.text);
  if (ts.isPropertyAccessExpression(expr) && expr.expression.kind === ts.SyntaxKind.ThisKeyword) return found.clientProperties.get(expr.name.text);
  return undefined;
}
