import * as ts from 'typescript';
import type { NodeCatalog, NodeHeldResource, NodeSlowClient, NodeSlowExport } from '../../catalog';
import type { ModuleLinks } from './module-exports';
import { holderEntry } from './resources';

/** What a local name refers to in an imported module: an export, `default`, or the whole module (`*`). */
export interface ImportRef {
  readonly module: string;
  readonly name: string;
  /** For `mod.name`: what `mod` was (`default` or `*`), so `axios.get` finds the default's methods. */
  readonly parent?: string;
}

/** Syntax-only import tracking: which names come from which modules, and which hold pools. */
export interface ImportFacts {
  readonly bindings: ReadonlyMap<string, ImportRef>;
  /** Variables holding an instance that hands out a held resource (`const pool = new Pool()`). */
  readonly poolVariables: ReadonlyMap<string, NodeHeldResource>;
  /** Properties holding one (`this.pool = new Pool()`, `private pool = new Pool()`). */
  readonly poolProperties: ReadonlyMap<string, NodeHeldResource>;
  /** Variables and `this.` properties holding an SDK client (`const s3 = new S3Client()`). */
  readonly clientVariables: ReadonlyMap<string, NodeSlowClient>;
  readonly clientProperties: ReadonlyMap<string, NodeSlowClient>;
  /**
   * What other modules of the project export, as seen from this file (pools, SDK clients,
   * functions, classes and instances), when the file is lowered as part of a project.
   */
  readonly modules?: ModuleLinks;
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

export function moduleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/** Strips parentheses, `as`, `!` and `satisfies`, which change nothing at run time. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** An arrow function or a function expression: a callback written in place. */
export function isFunctionLiteral(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

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
  // `require('knex')(config)`: the module's export itself is called.
  const required = requiredModule(expr.expression);
  const ref = required !== undefined ? { module: required, name: '*' } : resolveRef(bindings, expr.expression);
  if (!ref) return undefined;
  // A CommonJS module called as a function (`const Knex = require('knex'); Knex(config)`)
  // is its default export.
  const callable = ts.isCallExpression(expr) && ref.name === '*' ? { ...ref, name: 'default' } : ref;
  return holderEntry(catalog, callable, ts.isNewExpression(expr) ? 'new' : 'call');
}

/** The SDK client entry of what an expression makes: `new S3Client()`. */
export function clientMadeBy(catalog: NodeCatalog, bindings: ReadonlyMap<string, ImportRef>, value: ts.Expression | undefined): NodeSlowClient | undefined {
  if (!value) return undefined;
  const expr = unwrap(value);
  if (!ts.isNewExpression(expr)) return undefined;
  const ref = resolveRef(bindings, expr.expression);
  return ref ? slowClientOf(catalog, ref) : undefined;
}

export function collectImports(source: ts.SourceFile, catalog: NodeCatalog): ImportFacts {
  const bindings = new Map<string, ImportRef>();
  const visitImports = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteralLike(node.moduleSpecifier)) {
      const module = moduleName(node.moduleSpecifier.text);
      const clause = node.importClause;
      if (clause?.name) bindings.set(clause.name.text, { module, name: 'default' });
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { module, name: '*' });
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          bindings.set(element.name.text, { module, name: (element.propertyName ?? element.name).text });
        }
      }
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const spec = node.moduleReference.expression;
      if (ts.isStringLiteralLike(spec)) bindings.set(node.name.text, { module: moduleName(spec.text), name: '*' });
    } else if (ts.isVariableDeclaration(node)) {
      const module = requiredModule(node.initializer);
      if (module !== undefined) {
        if (ts.isIdentifier(node.name)) bindings.set(node.name.text, { module, name: '*' });
        else if (ts.isObjectBindingPattern(node.name)) {
          for (const element of node.name.elements) {
            const key = element.propertyName ?? element.name;
            if (ts.isIdentifier(element.name) && (ts.isIdentifier(key) || ts.isStringLiteralLike(key))) {
              bindings.set(element.name.text, { module, name: key.text });
            }
          }
        }
      }
    }
    ts.forEachChild(node, visitImports);
  };
  visitImports(source);

  const poolVariables = new Map<string, NodeHeldResource>();
  const poolProperties = new Map<string, NodeHeldResource>();
  const heldBy = (value: ts.Expression | undefined): NodeHeldResource | undefined => holderMadeBy(catalog, bindings, value);
  // Promisified callback APIs (`const execAsync = promisify(exec)`) name the same export.
  const promisified = (value: ts.Expression | undefined): ImportRef | undefined => {
    if (!value) return undefined;
    const expr = unwrap(value);
    if (!ts.isCallExpression(expr) || expr.arguments.length !== 1) return undefined;
    const callee = resolveRef(bindings, expr.expression);
    if (!callee || !(catalog.promisifiers[callee.module] ?? []).includes(callee.name)) return undefined;
    return resolveRef(bindings, expr.arguments[0]!);
  };
  const clientVariables = new Map<string, NodeSlowClient>();
  const clientProperties = new Map<string, NodeSlowClient>();
  const clientBy = (value: ts.Expression | undefined): NodeSlowClient | undefined => clientMadeBy(catalog, bindings, value);
  const visitValues = (node: ts.Node): void => {
    const client =
      ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) ? clientBy(node.initializer) : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? clientBy(node.right) : undefined;
    if (client) {
      const target = ts.isBinaryExpression(node) ? unwrap(node.left) : (node as ts.VariableDeclaration | ts.PropertyDeclaration).name;
      if (ts.isIdentifier(target) && !ts.isPropertyDeclaration(node)) clientVariables.set(target.text, client);
      else if (ts.isIdentifier(target) || ts.isPrivateIdentifier(target)) clientProperties.set(target.text, client);
      else if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) clientProperties.set(target.name.text, client);
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const held = heldBy(node.initializer);
      if (held) poolVariables.set(node.name.text, held);
      const alias = promisified(node.initializer);
      if (alias) bindings.set(node.name.text, alias);
    } else if (ts.isPropertyDeclaration(node) && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name))) {
      const held = heldBy(node.initializer);
      if (held) poolProperties.set(node.name.text, held);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const held = heldBy(node.right);
      const left = unwrap(node.left);
      if (held && ts.isIdentifier(left)) poolVariables.set(left.text, held);
      if (held && ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) poolProperties.set(left.name.text, held);
    }
    ts.forEachChild(node, visitValues);
  };
  visitValues(source);
  return { bindings, poolVariables, poolProperties, clientVariables, clientProperties };
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * A function imported from another module of the project (`import { withClient } from
 * '../db'`): the `function` target naming every file the specifier may resolve to.
 */
export function importedFunction(file: string, ref: ImportRef): { type: 'function'; candidates: string[] } | undefined {
  if (!ref.module.startsWith('./') && !ref.module.startsWith('../')) return undefined;
  if (ref.name === '*' || ref.name === 'default' || ref.parent !== undefined) return undefined;
  const parts = file.split('/').slice(0, -1);
  for (const piece of ref.module.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  const base = parts.join('/');
  // `./db.js` in TS sources names `./db.ts`.
  const jsExtension = ['.js', '.mjs', '.cjs'].find((ext) => base.endsWith(ext));
  const stem = jsExtension ? base.slice(0, -jsExtension.length) : base;
  const paths = [
    ...(SOURCE_EXTENSIONS.some((ext) => base.endsWith(ext)) ? [base] : []),
    ...SOURCE_EXTENSIONS.map((ext) => `${stem}${ext}`),
    ...SOURCE_EXTENSIONS.map((ext) => `${stem}/index${ext}`),
  ];
  return { type: 'function', candidates: [...new Set(paths)].map((path) => `ts:${path}#${ref.name}`) };
}
