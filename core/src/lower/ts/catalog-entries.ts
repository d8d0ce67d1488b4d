import * as ts from 'typescript';
import { heldResourceModules, type NodeCatalog, type NodeHeldResource, type NodeSlowClient, type NodeSlowExport } from '../../catalog';
import { requiredModule, resolveRef, type ImportRef } from './import-refs';
import { unwrap } from './syntax';

/** The catalog entry an imported name or a construction names: holders, SDK clients, slow exports. */

/** The catalog entry for instances made by `new X()` or by calling the export `X()`. */
export function holderEntry(catalog: NodeCatalog, ref: ImportRef, made: 'new' | 'call'): NodeHeldResource | undefined {
  return catalog.heldResources.find((entry) => (entry.made ?? 'new') === made && entry.className === ref.name && heldResourceModules(entry).includes(ref.module));
}

/** The SDK client entry of the class `ref` names (`S3Client` of `@aws-sdk/client-s3`). */
export function slowClientOf(catalog: NodeCatalog, ref: ImportRef): NodeSlowClient | undefined {
  const name = ref.name === '*' ? 'default' : ref.name;
  return catalog.slowClients?.find(
    (entry) =>
      entry.modules.some((m) => (m.endsWith('*') ? ref.module.startsWith(m.slice(0, -1)) : ref.module === m)) &&
      (entry.className.startsWith('*') ? name.endsWith(entry.className.slice(1)) && name.length > entry.className.length - 1 : entry.className === name),
  );
}

/** The catalog entry of a referenced export: itself, or a method of the module's default export. */
export function slowExportOf(catalog: NodeCatalog, ref: ImportRef, asCall: boolean): NodeSlowExport | undefined {
  const exports = catalog.modules[ref.module];
  if (!exports) return undefined;
  const name = asCall && ref.name === '*' ? 'default' : ref.name;
  const own = Object.prototype.hasOwnProperty.call(exports, name) ? exports[name] : undefined;
  if (own?.callable) return own;
  if (ref.parent !== undefined) {
    const parent = exports[ref.parent === '*' ? 'default' : ref.parent];
    if (parent?.methods?.includes(ref.name)) return parent;
  }
  return undefined;
}

/**
 * The catalog entry of what an expression makes, if it makes a lock holder: `new Pool()`, or
 * a factory call (`knex(config)`, `mysql.createPool()`, `drizzle(pool)`, `require('knex')(config)`).
 */
export function holderMadeBy(catalog: NodeCatalog, bindings: ReadonlyMap<string, ImportRef>, value: ts.Expression | undefined): NodeHeldResource | undefined {
  if (!value) return undefined;
  const expr = unwrap(value);
  if (!ts.isNewExpression(expr) && !ts.isCallExpression(expr)) return undefined;
  // `Redis.fromEnv()`: a static factory of the class the catalog names.
  const made = ts.isCallExpression(expr) ? staticFactoryHolder(catalog, bindings, expr) : undefined;
  if (made) return made;
  // `require('knex')(config)`: the module's export itself is called.
  const required = requiredModule(expr.expression);
  const ref = required !== undefined ? { module: required, name: '*' } : resolveRef(bindings, expr.expression);
  if (!ref) return undefined;
  // A CommonJS module called as a function (`const Knex = require('knex'); Knex(config)`)
  // is its default export.
  const callable = ts.isCallExpression(expr) && ref.name === '*' ? { ...ref, name: 'default' } : ref;
  return holderEntry(catalog, callable, ts.isNewExpression(expr) ? 'new' : 'call');
}

/** `Redis.fromEnv()`: a static method the catalog says makes an instance of the class. */
function staticFactoryHolder(catalog: NodeCatalog, bindings: ReadonlyMap<string, ImportRef>, call: ts.CallExpression): NodeHeldResource | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const ref = resolveRef(bindings, callee.expression);
  if (!ref) return undefined;
  const method = callee.name.text;
  return catalog.heldResources.find((entry) => entry.factories?.includes(method) && entry.className === ref.name && heldResourceModules(entry).includes(ref.module));
}

/** The SDK client entry of what an expression makes: `new S3Client()`. */
export function clientMadeBy(catalog: NodeCatalog, bindings: ReadonlyMap<string, ImportRef>, value: ts.Expression | undefined): NodeSlowClient | undefined {
  if (!value) return undefined;
  const expr = unwrap(value);
  if (!ts.isNewExpression(expr)) return undefined;
  const ref = resolveRef(bindings, expr.expression);
  return ref ? slowClientOf(catalog, ref) : undefined;
}
