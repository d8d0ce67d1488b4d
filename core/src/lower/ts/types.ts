import * as ts from 'typescript';
import type { TsTypeOracle } from './context';
import { moduleName, type ImportRef } from './import-refs';
import { unwrap } from './syntax';
import { tsClassName } from './module-exports';
import type { ProjectClassTypes } from './module-links';
import { calledSlot, filledSlot, UTILITY_TYPES, UTILITY_TYPES_FILE } from './type-slots';

/** The checker of one project's program, and which files it holds (the roots and what they import). */
export interface TsProgramOracle extends TsTypeOracle, ProjectClassTypes {
  includes(path: string): boolean;
}

/** What a type-aware program is built from: its project's options and how its imports resolve. */
export interface TsProgramInputs {
  /** The files of the project the run analyses; what they import is added as the checker asks. */
  readonly roots: readonly ts.SourceFile[];
  /** The project's `compilerOptions` as written (after `extends`), JSON values. */
  readonly compilerOptions?: Readonly<Record<string, unknown>>;
  /** The folder of the config, for its relative option values. */
  readonly configDir?: string;
  /** The file an import leads to (the same resolution the modules' pre-pass follows). */
  readonly resolve: (from: string, specifier: string) => string | undefined;
  /** The parsed file of a path the resolution returned (shared with the lowering). */
  readonly sourceOf: (path: string) => ts.SourceFile | undefined;
}

/**
 * Type-aware mode: a `ts.Program` over the files of one project, served from memory (no
 * disk access: imports resolve through the analysis's own resolution, to project files and
 * packages of the workspace, never to `node_modules`; and no lib is loaded). The checker
 * tells what a value is where the syntax can't: a constructor-injected `private readonly
 * pool: Pool`, a parameter typed `PoolClient`, a `PrismaService` that extends `PrismaClient`
 * in another module or another package of the workspace. The caller drops the oracle when
 * its project is done, so a monorepo never holds all its programs at once.
 */
export function createTypeOracle(inputs: TsProgramInputs): TsProgramOracle | undefined {
  try {
    let options: ts.CompilerOptions = {};
    if (inputs.compilerOptions) options = ts.convertCompilerOptionsFromJson(inputs.compilerOptions, inputs.configDir ?? '').options;
    const compilerOptions: ts.CompilerOptions = {
      target: options.target ?? ts.ScriptTarget.Latest,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: options.experimentalDecorators ?? true,
      ...(options.jsx !== undefined ? { jsx: options.jsx } : {}),
      allowJs: false,
      noLib: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      allowImportingTsExtensions: true,
    };
    const roots = new Map(inputs.roots.map((source) => [source.fileName, source]));
    roots.set(UTILITY_TYPES_FILE, utilityTypes());
    const sourceOf = (name: string): ts.SourceFile | undefined => roots.get(name) ?? inputs.sourceOf(name);
    const host: ts.CompilerHost = {
      getSourceFile: (name) => sourceOf(name),
      getDefaultLibFileName: () => 'lib.d.ts',
      writeFile: () => undefined,
      getCurrentDirectory: () => '',
      getDirectories: () => [],
      fileExists: (name) => sourceOf(name) !== undefined,
      readFile: (name) => sourceOf(name)?.text,
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      directoryExists: () => true,
      realpath: (name) => name,
      // The analysis's resolution (relative, tsconfig `paths`, workspace packages by name and
      // `exports`), so the checker sees exactly the modules the lowering follows.
      resolveModuleNameLiterals: (literals, containingFile) =>
        literals.map((literal) => {
          const found = inputs.resolve(containingFile, literal.text);
          const extension = found === undefined ? undefined : extensionOf(found);
          if (found === undefined || extension === undefined || sourceOf(found) === undefined) return { resolvedModule: undefined };
          return { resolvedModule: { resolvedFileName: found, extension, isExternalLibraryImport: false } };
        }),
    };
    const program = ts.createProgram({ rootNames: [...roots.keys()], options: compilerOptions, host });
    const checker = program.getTypeChecker();
    return {
      includes: (path) => program.getSourceFile(path) !== undefined,
      classOf: (node) => safely(() => classOfExpression(checker, node)),
      projectClassOf: (node) => safely(() => projectClassOfExpression(checker, node)),
      projectInterfaceOf: (node) => safely(() => projectInterfaceOfExpression(checker, node)),
      calledSlot: (callee) => safely(() => calledSlot(checker, callee)),
      filledSlot: (property) => safely(() => filledSlot(checker, property)),
    };
  } catch {
    return undefined;
  }
}

let utilityTypesSource: ts.SourceFile | undefined;

/** The utility types' file, parsed once and shared by every program. */
function utilityTypes(): ts.SourceFile {
  utilityTypesSource ??= ts.createSourceFile(UTILITY_TYPES_FILE, UTILITY_TYPES, ts.ScriptTarget.Latest, true);
  return utilityTypesSource;
}

const EXTENSIONS: readonly (readonly [string, ts.Extension])[] = [
  ['.d.ts', ts.Extension.Dts],
  ['.d.mts', ts.Extension.Dmts],
  ['.d.cts', ts.Extension.Dcts],
  ['.ts', ts.Extension.Ts],
  ['.tsx', ts.Extension.Tsx],
  ['.mts', ts.Extension.Mts],
  ['.cts', ts.Extension.Cts],
  ['.js', ts.Extension.Js],
  ['.jsx', ts.Extension.Jsx],
  ['.mjs', ts.Extension.Mjs],
  ['.cjs', ts.Extension.Cjs],
];

function extensionOf(path: string): ts.Extension | undefined {
  const lower = path.toLowerCase();
  return EXTENSIONS.find(([suffix]) => lower.endsWith(suffix))?.[1];
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
  // `this` in a class that extends a library class, directly or through project classes
  // (`class AppDb extends PrismaService`, `class PrismaService extends PrismaClient`).
  if (expr.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(expr);
    return cls ? classOfDeclaration(checker, cls, 0) : undefined;
  }
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

/** The class whose `this` a node sees (none inside a `function`, which has its own `this`). */
function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}

/**
 * The project class a value is an instance of, by its type: `private readonly billing:
 * BillingService`, a parameter `billing: BillingService` (named as the lowering names classes).
 */
function projectClassOfExpression(checker: ts.TypeChecker, node: ts.Expression): string | undefined {
  const type = instanceTarget(checker.getTypeAtLocation(unwrap(node)));
  // The instance side only: `BillingService` itself (the constructor) is not an instance.
  if (!type.isClass()) return undefined;
  const declaration = type.getSymbol()?.declarations?.find(ts.isClassLike);
  return declaration ? tsClassName(declaration.getSourceFile().fileName, declaration, declaration.getSourceFile()) : undefined;
}

/**
 * The class type an instance type refers to: an instance of a generic class
 * (`PaymentMethodHandler<ConfigArgs>`, vendure's handlers) is a reference to the class's type,
 * which alone says it is a class.
 */
function instanceTarget(type: ts.Type): ts.Type {
  const reference = type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference ? (type as ts.TypeReference).target : undefined;
  return reference ?? type;
}

/** The project interface a value's type is (declared in a source file of the project, not a `.d.ts`). */
function projectInterfaceOfExpression(checker: ts.TypeChecker, node: ts.Expression): string | undefined {
  const type = checker.getTypeAtLocation(unwrap(node));
  if (type.isUnion() || type.isIntersection()) return undefined;
  const declaration = type.getSymbol()?.declarations?.find(ts.isInterfaceDeclaration);
  return declaration && !declaration.getSourceFile().isDeclarationFile ? declaration.name.text : undefined;
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
