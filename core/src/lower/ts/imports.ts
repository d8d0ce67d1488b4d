import * as ts from 'typescript';
import type { NodeCatalog, NodeHeldResource, NodeSlowClient } from '../../catalog';
import { clientMadeBy, holderMadeBy } from './catalog-entries';
import { moduleName, requiredModule, resolveRef, type ImportRef } from './import-refs';
import type { ModuleLinks } from './module-links';
import { unwrap } from './syntax';

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
