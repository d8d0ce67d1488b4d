import * as ts from 'typescript';
import type { TsTypeOracle } from './context';
import * as posix from 'node:path/posix';
import { moduleName, unwrap, type ImportRef } from './imports';
import { tsClassName, type ProjectClassTypes } from './module-exports';
import type { TsPathConfig } from './module-resolution';

/**
 * Type-aware mode: a `ts.Program` over the analysed TypeScript files, served from memory
 * (no disk access: modules outside the given files stay unresolved, and no lib is loaded).
 * The checker tells what a value is where the syntax can't: a constructor-injected
 * `private readonly pool: Pool`, a parameter typed `PoolClient`, a `PrismaService` that
 * extends `PrismaClient` in another module.
 */
export function createTypeOracle(
  sources: readonly ts.SourceFile[],
  configText: string | undefined,
  paths?: TsPathConfig,
): (TsTypeOracle & ProjectClassTypes) | undefined {
  try {
    let options: ts.CompilerOptions = {};
    if (configText !== undefined) {
      const parsed = ts.parseConfigFileTextToJson('tsconfig.json', configText);
      const raw = (parsed.config as { compilerOptions?: unknown } | undefined)?.compilerOptions;
      if (raw && typeof raw === 'object') options = ts.convertCompilerOptionsFromJson(raw, '/').options;
    }
    const byName = new Map(sources.map((source) => [source.fileName, source]));
    const compilerOptions: ts.CompilerOptions = {
      target: options.target ?? ts.ScriptTarget.Latest,
      module: options.module ?? ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: options.experimentalDecorators ?? true,
      ...(options.jsx !== undefined ? { jsx: options.jsx } : {}),
      allowJs: false,
      noLib: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      allowImportingTsExtensions: true,
      // `import { Db } from '@/db'`: the same `paths` the syntax-level resolution follows.
      ...(paths?.paths ? { paths: paths.paths as ts.MapLike<string[]> } : {}),
      ...(paths?.baseUrl !== undefined || paths?.paths ? { baseUrl: posix.join(paths.dir, paths.baseUrl ?? '.') } : {}),
    };
    const host: ts.CompilerHost = {
      getSourceFile: (name) => byName.get(name),
      getDefaultLibFileName: () => 'lib.d.ts',
      writeFile: () => undefined,
      getCurrentDirectory: () => '',
      getDirectories: () => [],
      fileExists: (name) => byName.has(name),
      readFile: (name) => byName.get(name)?.text,
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      directoryExists: () => true,
      realpath: (name) => name,
    };
    const program = ts.createProgram({ rootNames: [...byName.keys()], options: compilerOptions, host });
    const checker = program.getTypeChecker();
    return {
      classOf: (node) => safely(() => classOfExpression(checker, node)),
      projectClassOf: (node) => safely(() => projectClassOfExpression(checker, node)),
    };
  } catch {
    return undefined;
  }
}

function safely<T>(run: () => T | undefined): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

function classOfExpression(checker: ts.TypeChecker, node: ts.Expression): ImportRef | undefined {
  const expr = unwrap(node);
  const name = ts.isPropertyAccessExpression(expr) ? expr.name : ts.isIdentifier(expr) ? expr : undefined;
  if (!name) return undefined;
  // The declared type: `pool: Pool`, `constructor(private readonly prisma: PrismaService)`.
  const symbol = checker.getSymbolAtLocation(name);
  for (const declaration of symbol?.declarations ?? []) {
    const typeNode = (declaration as { type?: ts.TypeNode }).type;
    if (typeNode && ts.isTypeReferenceNode(typeNode)) {
      const found = classOfName(checker, typeNode.typeName, 0);
      if (found) return found;
    }
  }
  // An inferred type of a project class (`const svc = new BillingService()`).
  const type = checker.getTypeAtLocation(expr);
  const declaration = type.getSymbol()?.declarations?.find(ts.isClassLike);
  return declaration ? classOfDeclaration(checker, declaration, 0) : undefined;
}

/**
 * The project class a value is an instance of, by its type: `private readonly billing:
 * BillingService`, a parameter `billing: BillingService` (named as the lowering names classes).
 */
function projectClassOfExpression(checker: ts.TypeChecker, node: ts.Expression): string | undefined {
  const type = checker.getTypeAtLocation(unwrap(node));
  // The instance side only: `BillingService` itself (the constructor) is not an instance.
  if (!type.isClass()) return undefined;
  const declaration = type.getSymbol()?.declarations?.find(ts.isClassLike);
  return declaration ? tsClassName(declaration.getSourceFile().fileName, declaration, declaration.getSourceFile()) : undefined;
}

/** A type or value name: an import from a library, or a project class followed to its base. */
function classOfName(checker: ts.TypeChecker, name: ts.EntityName | ts.Expression, depth: number): ImportRef | undefined {
  if (depth > 20) return undefined;
  const node = ts.isQualifiedName(name) ? name.right : ts.isPropertyAccessExpression(name) ? name.name : name;
  const symbol = checker.getSymbolAtLocation(node);
  if (!symbol) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) {
    const declaration = symbol.declarations?.[0];
    const imported = declaration && importOf(declaration);
    if (imported && !imported.module.startsWith('.')) return imported;
    const target = checker.getAliasedSymbol(symbol);
    const cls = target.declarations?.find(ts.isClassLike);
    if (cls) return classOfDeclaration(checker, cls, depth + 1);
    return undefined;
  }
  const cls = symbol.declarations?.find(ts.isClassLike);
  return cls ? classOfDeclaration(checker, cls, depth + 1) : undefined;
}

function classOfDeclaration(checker: ts.TypeChecker, cls: ts.ClassLikeDeclaration, depth: number): ImportRef | undefined {
  const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  return base ? classOfName(checker, base, depth) : undefined;
}

/** `import { Pool } from 'pg'`, `import Stripe from 'stripe'`, `import * as pg from 'pg'` (then `pg.Pool`). */
function importOf(declaration: ts.Declaration): ImportRef | undefined {
  if (ts.isImportSpecifier(declaration)) {
    const spec = declaration.parent.parent.parent.moduleSpecifier;
    return ts.isStringLiteralLike(spec) ? { module: moduleName(spec.text), name: (declaration.propertyName ?? declaration.name).text } : undefined;
  }
  if (ts.isImportClause(declaration)) {
    const spec = declaration.parent.moduleSpecifier;
    return ts.isStringLiteralLike(spec) ? { module: moduleName(spec.text), name: 'default' } : undefined;
  }
  return undefined;
}
