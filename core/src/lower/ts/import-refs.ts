import * as ts from 'typescript';
import { unwrap } from './syntax';

/** What a name of a file refers to in an imported module, from syntax only. */

/** What a local name refers to in an imported module: an export, `default`, or the whole module (`*`). */
export interface ImportRef {
  readonly module: string;
  readonly name: string;
  /** For `mod.name`: what `mod` was (`default` or `*`), so `axios.get` finds the default's methods. */
  readonly parent?: string;
}

export function moduleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/** `require('x')` → `x`. */
export function requiredModule(node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  const call = unwrap(node);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'require') return undefined;
  const arg = call.arguments[0];
  return arg && ts.isStringLiteralLike(arg) ? moduleName(arg.text) : undefined;
}

/** What an expression names in an imported module, if anything. */
export function resolveRef(bindings: ReadonlyMap<string, ImportRef>, node: ts.Expression): ImportRef | undefined {
  const expr = unwrap(node);
  if (ts.isIdentifier(expr)) return bindings.get(expr.text);
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.name)) {
    const base = resolveRef(bindings, expr.expression);
    if (base && (base.name === 'default' || base.name === '*')) return { module: base.module, name: expr.name.text, parent: base.name };
  }
  return undefined;
}
