import * as ts from 'typescript';
import type { NodeCatalog, NodeSlowClient } from '../../catalog';
import type { TsUnitContext } from './context';
import { slowClientOf } from './catalog-entries';
import { factoryClient } from './factories';
import { sharedClient } from './module-exports';
import { unwrap } from './syntax';

/**
 * Instances of the catalog's library classes (`NodeCatalog.slowClients`), found from a call's
 * receiver: SDK clients whose methods are slow (`s3.send()`), and instances whose methods run
 * a callback in place (`storage.run(store, work)` of an `AsyncLocalStorage`).
 */

export interface ClientMethods {
  readonly methods: Set<string>;
  readonly resourceMethods: boolean;
  /** Methods that run a callback (`run` of `AsyncLocalStorage`). */
  readonly runs: Set<string>;
}

const clientMethodsByCatalog = new WeakMap<NodeCatalog, ClientMethods>();

/** The method names of every SDK client of the catalog, whether any takes calls on its resources, and the callback runners' methods. */
export function clientMethods(catalog: NodeCatalog): ClientMethods {
  let found = clientMethodsByCatalog.get(catalog);
  if (found) return found;
  const clients = catalog.slowClients ?? [];
  found = {
    methods: new Set(clients.flatMap((client) => (client.kind ? (client.methods ?? []) : []))),
    resourceMethods: clients.some((client) => client.kind && client.resourceMethods === true),
    runs: new Set(clients.flatMap((client) => Object.keys(client.runs ?? {}))),
  };
  clientMethodsByCatalog.set(catalog, found);
  return found;
}

/** The SDK client a receiver holds: a variable, a `this.` property, or (type-aware) what its type says. */
export function clientOf(ctx: TsUnitContext, receiver: ts.Expression): NodeSlowClient | undefined {
  const { clientVariables, clientProperties, modules } = ctx.facts.imports;
  if (ts.isIdentifier(receiver)) {
    const found = clientVariables.get(receiver.text) ?? sharedClient(modules, receiver);
    if (found) return found;
  } else if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const found = clientProperties.get(receiver.name.text) ?? sharedClient(modules, receiver);
    if (found) return found;
  } else {
    // `aws.s3.send(…)`: a client another module of the project exports.
    return ts.isPropertyAccessExpression(receiver) ? sharedClient(modules, receiver) : undefined;
  }
  // `nodemailer.createTransport(…)`: a client made by a call.
  const made = factoryClient(ctx.facts, receiver);
  if (made) return made;
  const ref = ctx.facts.types?.classOf(receiver);
  return ref ? slowClientOf(ctx.catalog, ref) : undefined;
}

/**
 * The argument a library method calls at once (`work` of `storage.run(store, work)`), when the
 * receiver is an instance of a catalog class with that method in its `runs`.
 */
export function runnerCallback(ctx: TsUnitContext, node: ts.CallExpression): ts.Expression | undefined {
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !clientMethods(ctx.catalog).runs.has(callee.name.text)) return undefined;
  const position = clientOf(ctx, unwrap(callee.expression))?.runs?.[callee.name.text];
  if (position === undefined) return undefined;
  return node.arguments[position < 0 ? node.arguments.length + position : position];
}
