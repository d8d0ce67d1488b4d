import * as ts from 'typescript';
import { bindingNames, bindsName } from './binding-names';
import type { NodeCatalog, NodeHeldResource, NodeSlowClient } from '../../catalog';
import type { CallTarget } from '../../ir/effects';
import type { Span } from '../../model/span';
import { clientMadeBy, holderMadeBy } from './catalog-entries';
import { requiredModule, type ImportRef } from './import-refs';
import { collectImports, type ImportFacts } from './imports';
import type { EventListener, FunctionSite, ModuleLinks, ModuleValue, PassportRegistration, ProjectClassTypes } from './module-links';
import { isFunctionLiteral, returnedExpression, unwrap } from './syntax';
import type { TsModuleResolver } from './module-resolution';
import { declaredListeners } from './event-listeners';
import { declaredStrategies } from './passport';
import { interceptionsOf } from './interceptors';

/**
 * What the modules of a TypeScript/JavaScript project export, so that one file sees what
 * another shares: `export const pool = new Pool()`, `module.exports = { knex }`, an exported
 * `withClient` arrow function, `export const billing = new BillingService()`, re-exports of
 * a barrel `index.ts`. A project-wide pre-pass (`declareTsModule`, one walk of each parsed
 * file) records where each export's value is written; values are worked out on demand and
 * memoised, following imports, `require()`, re-exports, object properties, getters and class
 * properties from module to module. Anything it can't follow stays unknown (precision first).
 */

/** Where an export's value is written. */
type ExportSource =
  | { readonly kind: 'node'; readonly node: ts.Node }
  /** A getter (`Object.defineProperty(exports, 'knex', { get() { … } })`): what it returns. */
  | { readonly kind: 'getter'; readonly fn: ts.FunctionLikeDeclaration }
  /** `export { f } from './x'`, `export * as ns from './x'`. */
  | { readonly kind: 'forward'; readonly specifier: string; readonly name: string };

/** The pre-pass result for one file: syntax only, no other module needed. */
export interface TsModuleDeclarations {
  readonly file: string;
  readonly source: ts.SourceFile;
  readonly imports: ImportFacts;
  readonly named: ReadonlyMap<string, ExportSource>;
  readonly defaultExport: ExportSource | undefined;
  /** `module.exports = …` / `export = …`: `require()` returns that value itself. */
  readonly commonjsDefault: boolean;
  /** `exports.x = …`: a default import gets the module object. */
  readonly commonjs: boolean;
  /** `export * from './x'`. */
  readonly stars: readonly string[];
  /** Assignments to plain names anywhere in the file (`connection = require('./connection')`). */
  readonly assignments: ReadonlyMap<string, readonly ts.Expression[]>;
  /** Classes of the file, by the name the lowering gives them (`ts:<file>#<Name>`). */
  readonly classes: ReadonlyMap<string, ts.ClassLikeDeclaration>;
  /** Every module specifier of an import, re-export or `require()`, for notes on unresolved ones. */
  readonly specifiers: readonly { readonly specifier: string; readonly node: ts.Node }[];
  /** Methods of its classes that listen to an event (`@OnEvent('order.paid')`). */
  readonly listeners: readonly EventListener[];
  /** passport strategies it registers (`passport.use(new GoogleStrategy(…))`). */
  readonly strategies: readonly PassportRegistration[];
}

/** Implementations of one interface followed at most; past it, which one runs says too little. */
const MAX_IMPLEMENTATIONS = 8;

/** The last name of a heritage expression (`IPaymentProvider`, `types.IPaymentProvider`). */
function heritageName(expr: ts.Expression): string | undefined {
  const node = unwrap(expr);
  if (ts.isIdentifier(node)) return node.text;
  return ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
}

/** The name the lowering gives a class (see `lowerTypeScript`). */
export function tsClassName(file: string, cls: ts.ClassLikeDeclaration, source: ts.SourceFile): string {
  return `ts:${file}#${cls.name?.text ?? `class@${cls.getStart(source)}`}`;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function propertyName(name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  return name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name)) ? name.text : undefined;
}

/** `module.exports`, or `exports` itself. */
function isExportsObject(node: ts.Expression): boolean {
  const expr = unwrap(node);
  if (ts.isIdentifier(expr)) return expr.text === 'exports';
  return ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'module' && expr.name.text === 'exports';
}

/** `void 0`, or a chain of assignments ending in it (`exports.a = exports.b = void 0`). */
function isPlaceholder(node: ts.Expression): boolean {
  let value = unwrap(node);
  for (let depth = 0; depth < 256 && ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken; depth++) value = unwrap(value.right);
  return ts.isVoidExpression(value);
}

function isModuleExports(node: ts.Expression): boolean {
  const expr = unwrap(node);
  return ts.isPropertyAccessExpression(expr) && isExportsObject(expr) && !ts.isIdentifier(expr);
}

/**
 * The pre-pass over one parsed file: its imports (as the lowering needs them anyway) and
 * where each of its exports is written. Linear in the file.
 */
export function declareTsModule(source: ts.SourceFile, file: string, catalog: NodeCatalog): TsModuleDeclarations {
  const named = new Map<string, ExportSource>();
  const setNamed = (name: string, value: ExportSource): void => {
    if (!named.has(name)) named.set(name, value);
  };
  let defaultExport: ExportSource | undefined;
  let commonjsDefault = false;
  let commonjs = false;
  const stars: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const spec = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (spec !== undefined && !clause) stars.push(spec);
      else if (spec !== undefined && clause && ts.isNamespaceExport(clause)) setNamed(clause.name.text, { kind: 'forward', specifier: spec, name: '*' });
      else if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          if (element.isTypeOnly) continue;
          const local = element.propertyName ?? element.name;
          if (!ts.isIdentifier(local) && !ts.isStringLiteral(local)) continue;
          const exported = element.name.text;
          const value: ExportSource = spec !== undefined ? { kind: 'forward', specifier: spec, name: local.text } : { kind: 'node', node: local };
          if (exported === 'default') defaultExport ??= value;
          else setNamed(exported, value);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      defaultExport = { kind: 'node', node: statement.expression };
      if (statement.isExportEquals) commonjsDefault = true;
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) defaultExport = { kind: 'node', node: statement };
      else if (statement.name) setNamed(statement.name.text, { kind: 'node', node: statement });
    } else if (ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) setNamed(declaration.name.text, { kind: 'node', node: declaration.name });
      }
    } else if (ts.isExpressionStatement(statement)) {
      const expr = unwrap(statement.expression);
      if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = unwrap(expr.left);
        if (isModuleExports(left)) {
          // `module.exports = pool`, `module.exports = { pool, query }`.
          defaultExport = { kind: 'node', node: expr.right };
          commonjsDefault = true;
        } else if (ts.isPropertyAccessExpression(left) && isExportsObject(left.expression)) {
          // `exports.pool = pool`, `module.exports.knex = knex(config)`.
          commonjs = true;
          // tsc's CommonJS output first declares every export as `exports.x = exports.y = void 0`:
          // a placeholder, the value comes later.
          if (!isPlaceholder(expr.right)) setNamed(left.name.text, { kind: 'node', node: expr.right });
        }
      } else if (ts.isCallExpression(expr)) {
        // `Object.defineProperty(exports, 'knex', { get() { … } })`, as Ghost shares its knex lazily.
        const callee = unwrap(expr.expression);
        const [target, key, descriptor] = expr.arguments;
        if (
          ts.isPropertyAccessExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'Object' &&
          callee.name.text === 'defineProperty' &&
          target &&
          isExportsObject(target) &&
          key &&
          ts.isStringLiteralLike(key) &&
          descriptor &&
          ts.isObjectLiteralExpression(unwrap(descriptor))
        ) {
          commonjs = true;
          const found = descriptorValue(unwrap(descriptor) as ts.ObjectLiteralExpression);
          if (found) setNamed(key.text, found);
        }
      }
    }
  }

  // One walk of the whole file: assignments to names, classes and module specifiers.
  const assignments = new Map<string, ts.Expression[]>();
  const classes = new Map<string, ts.ClassLikeDeclaration>();
  const specifiers: { specifier: string; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(node.left);
      if (ts.isIdentifier(left)) {
        const list = assignments.get(left.text) ?? [];
        list.push(node.right);
        assignments.set(left.text, list);
      } else if (ts.isPropertyAccessExpression(left) && isExportsObject(left.expression)) {
        // `function init() { module.exports.knex = knex(config); }`: set later, used after.
        commonjs = true;
        setNamed(left.name.text, { kind: 'node', node: node.right });
      }
    } else if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      classes.set(tsClassName(file, node, source), node);
    } else if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      specifiers.push({ specifier: node.moduleSpecifier.text, node: node.moduleSpecifier });
    } else if (ts.isCallExpression(node)) {
      const required = requiredModule(node);
      if (required !== undefined) specifiers.push({ specifier: required, node: node.arguments[0]! });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  const imports = collectImports(source, catalog);
  return {
    file,
    source,
    imports,
    named,
    defaultExport,
    commonjsDefault,
    commonjs,
    stars,
    assignments,
    classes,
    specifiers,
    listeners: declaredListeners(classes, imports.bindings, catalog),
    strategies: declaredStrategies(source, imports.bindings, catalog),
  };
}

/** The value of a property descriptor: its `value`, or what its getter returns. */
function descriptorValue(descriptor: ts.ObjectLiteralExpression): ExportSource | undefined {
  for (const property of descriptor.properties) {
    const name = propertyName(property.name);
    if (name === 'get') {
      if (ts.isMethodDeclaration(property)) return { kind: 'getter', fn: property };
      if (ts.isPropertyAssignment(property)) {
        const fn = unwrap(property.initializer);
        if (ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) return { kind: 'getter', fn };
      }
    } else if (name === 'value' && ts.isPropertyAssignment(property)) {
      return { kind: 'node', node: property.initializer };
    }
  }
  return undefined;
}

/** What a name declared in a block is. */
type ScopeEntry =
  | { readonly kind: 'variable'; readonly declaration: ts.VariableDeclaration }
  /** `const { pool } = …`: `key` is the property read (undefined when nested or from an array). */
  | { readonly kind: 'destructured'; readonly declaration: ts.VariableDeclaration; readonly key: string | undefined }
  | { readonly kind: 'declaration'; readonly node: ts.FunctionDeclaration | ts.ClassDeclaration };


/** `const { pool } = …` / `const { pool: db } = …`: the property `text` is read from. */
function destructuredKey(pattern: ts.ObjectBindingPattern, text: string): string | undefined {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken || !ts.isIdentifier(element.name) || element.name.text !== text) continue;
    const key = element.propertyName ?? element.name;
    return ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : undefined;
  }
  return undefined;
}

const MAX_DEPTH = 60;
/** Construction sites of one class looked at for what its constructor is given; past it, nothing is assumed. */
const MAX_CONSTRUCTION_SITES = 50;

/** An import of a project file that could not be resolved, for verbose output. */
export interface UnresolvedImport {
  readonly span: Span;
  readonly specifier: string;
}

/** The project's modules: what each export is, worked out on demand across files. */
export class TsProjectModules {
  private readonly byFile = new Map<string, TsModuleDeclarations>();
  private readonly classes = new Map<string, { readonly file: string; readonly node: ts.ClassLikeDeclaration }>();
  private readonly listeners = new Map<string, EventListener[]>();
  private readonly strategies = new Map<string, PassportRegistration[]>();
  /** Values by node; `null` while being worked out (a cycle) and when unknown. */
  private readonly values = new Map<ts.Node, ModuleValue | null>();
  private readonly exportValues = new Map<string, ModuleValue | null>();
  private readonly scopes = new WeakMap<ts.Node, Map<string, ScopeEntry>>();
  private depth = 0;
  private sitesByClass: Map<string, { readonly file: string; readonly node: ts.NewExpression }[]> | undefined;

  constructor(
    declarations: readonly TsModuleDeclarations[],
    private readonly resolver: TsModuleResolver,
    private readonly catalog: NodeCatalog,
    private readonly typesOf: (file: string) => ProjectClassTypes | undefined = () => undefined,
  ) {
    for (const declared of declarations) {
      this.byFile.set(declared.file, declared);
      for (const [name, node] of declared.classes) if (!this.classes.has(name)) this.classes.set(name, { file: declared.file, node });
      for (const listener of declared.listeners) {
        const list = this.listeners.get(listener.event);
        if (list) list.push(listener);
        else this.listeners.set(listener.event, [listener]);
      }
      for (const strategy of declared.strategies) {
        const list = this.strategies.get(strategy.name);
        if (list) list.push(strategy);
        else this.strategies.set(strategy.name, [strategy]);
      }
    }
  }

  /**
   * Forgets the values worked out so far. Type-aware runs lower one project at a time, each
   * with its own checker: what a value is must come from the project being lowered, not
   * from whichever project happened to ask first (so the findings do not depend on the
   * folder the run starts from).
   */
  forgetValues(): void {
    this.values.clear();
    this.exportValues.clear();
  }

  declarationsOf(file: string): TsModuleDeclarations | undefined {
    return this.byFile.get(file);
  }

  linksFor(file: string): ModuleLinks {
    return {
      valueOf: (expr) => this.describe(file, expr),
      declares: (className, member) => this.declares(className, member, 0),
      methodOf: (className, member) => this.methodOf(className, member, 0),
      acquiredBy: (callee) => this.acquiredBy(file, callee),
      listenersOf: (event) => this.listeners.get(event) ?? [],
      strategiesNamed: (name) => this.strategies.get(name) ?? [],
      interceptionsOf: (method) => interceptionsOf(this, this.catalog, file, method),
    };
  }

  /** The project class a class extends, by the name the lowering gives it. */
  parentClassOf(className: string): string | undefined {
    const cls = this.classes.get(className);
    return cls ? this.parentClass(cls) : undefined;
  }

  /** Imports of project code (relative, or a tsconfig `paths` pattern) that match no file of the run, once per specifier. */
  unresolvedImports(file: string): UnresolvedImport[] {
    const declared = this.byFile.get(file);
    if (!declared) return [];
    const seen = new Set<string>();
    return declared.specifiers
      .filter(({ specifier }) => !seen.has(specifier) && seen.add(specifier) && this.resolver.isProjectSpecifier(file, specifier) && this.resolver.resolve(file, specifier) === undefined)
      .map(({ specifier, node }) => ({ specifier, span: { file, start: node.getStart(declared.source), end: node.getEnd() } }));
  }

  /** A class of the project by the name the lowering gives it (`ts:<file>#<Name>`), with its file. */
  classDeclaration(className: string): { readonly file: string; readonly node: ts.ClassLikeDeclaration } | undefined {
    return this.classes.get(className);
  }

  /** The export `name` of a project file (`*`: what `require()` or `import * as` gives). */
  exportOf(file: string, name: string): ModuleValue | undefined {
    const key = `${file}\0${name}`;
    if (this.exportValues.has(key)) return this.exportValues.get(key) ?? undefined;
    this.exportValues.set(key, null);
    const found = this.computeExport(file, name);
    this.exportValues.set(key, found ?? null);
    return found;
  }

  private computeExport(file: string, name: string): ModuleValue | undefined {
    const declared = this.byFile.get(file);
    if (!declared) return undefined;
    const module: ModuleValue = { kind: 'module', file };
    if (name === '*') return declared.commonjsDefault && declared.defaultExport ? this.fromSource(file, declared.defaultExport) : module;
    if (name === 'default') {
      if (declared.defaultExport) return this.fromSource(file, declared.defaultExport);
      // A default import of a CommonJS module is its `exports` object.
      return declared.commonjs ? module : undefined;
    }
    const own = declared.named.get(name);
    if (own) return this.fromSource(file, own);
    // `module.exports = { pool, query }`: the properties are what `require()` callers use.
    if (declared.commonjsDefault && declared.defaultExport) {
      const value = this.fromSource(file, declared.defaultExport);
      if (value) return this.member(value, name);
    }
    for (const star of declared.stars) {
      const target = this.resolver.resolve(file, star);
      const value = target !== undefined ? this.exportOf(target, name) : undefined;
      if (value) return value;
    }
    return undefined;
  }

  private fromSource(file: string, source: ExportSource): ModuleValue | undefined {
    switch (source.kind) {
      case 'node':
        return this.describe(file, source.node);
      case 'getter': {
        const returned = returnedExpression(source.fn);
        return returned ? this.describe(file, returned) : undefined;
      }
      case 'forward': {
        const target = this.resolver.resolve(file, source.specifier);
        return target !== undefined ? this.exportOf(target, source.name) : undefined;
      }
    }
  }

  /** What a node of `file` is: memoised, cycles and very long chains give unknown. */
  describe(file: string, node: ts.Node): ModuleValue | undefined {
    if (this.values.has(node)) return this.values.get(node) ?? undefined;
    if (this.depth > MAX_DEPTH) return undefined;
    this.values.set(node, null);
    this.depth++;
    let found: ModuleValue | undefined;
    try {
      found = this.compute(file, node);
    } finally {
      this.depth--;
    }
    this.values.set(node, found ?? null);
    return found;
  }

  private compute(file: string, node: ts.Node): ModuleValue | undefined {
    const declared = this.byFile.get(file);
    if (!declared) return undefined;
    if (ts.isFunctionDeclaration(node)) {
      // Named declarations are `function` units; an anonymous `export default function` is a closure unit.
      const declaration = { file, node };
      return node.name
        ? { kind: 'function', target: { type: 'function', candidates: [`ts:${file}#${node.name.text}`] }, declaration }
        : node.body
          ? { kind: 'function', target: { type: 'closure', file, start: node.getStart(declared.source) }, declaration }
          : undefined;
    }
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return { kind: 'class', name: tsClassName(file, node, declared.source) };
    if (!ts.isExpression(node) && !ts.isIdentifier(node)) return undefined;
    const found = this.describeExpression(file, declared, node as ts.Expression);
    if (found) return found;
    // Type-aware: a parameter or an injected property typed with a project class.
    const expr = unwrap(node as ts.Expression);
    if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) return this.typedValue(file, expr);
    return undefined;
  }

  /**
   * Type-aware: what a value's declared type says it is. A project class: an instance of it.
   * An abstract class or a project interface: one of the project's classes that implement it
   * (whichever the container injects), when there are a few; only what all of them do counts.
   */
  private typedValue(file: string, expr: ts.Expression): ModuleValue | undefined {
    const types = this.typesOf(file);
    if (!types) return undefined;
    const className = types.projectClassOf(expr);
    const cls = className ? this.classes.get(className) : undefined;
    if (className && cls) {
      if (!hasModifier(cls.node, ts.SyntaxKind.AbstractKeyword) || !cls.node.name) return { kind: 'instance', className };
      const subclasses = this.implementationsOf(cls.node.name.text, 'extends');
      return subclasses ? { kind: 'implementations', classNames: subclasses } : { kind: 'instance', className };
    }
    const contract = types.projectInterfaceOf?.(expr);
    const classNames = contract ? this.implementationsOf(contract, 'implements') : undefined;
    return classNames ? { kind: 'implementations', classNames } : undefined;
  }

  /**
   * The concrete classes of the project that implement the interface (or extend the class)
   * named `name`, directly, through interfaces that extend it, or through their subclasses.
   * Names are matched as written in heritage clauses: a class of another interface of the same
   * name is one more candidate, which can only make the call's effects fewer. Undefined when
   * there are none or more than `MAX_IMPLEMENTATIONS`.
   */
  private implementationsOf(name: string, how: 'implements' | 'extends'): readonly string[] | undefined {
    const index = this.heritageIndex();
    const found = new Set<string>();
    const names = [name];
    const seen = new Set<string>(names);
    const queue = [...(how === 'implements' ? index.implementing.get(name) ?? [] : index.extending.get(name) ?? [])];
    // Interfaces that extend it: their implementers implement it too.
    if (how === 'implements') {
      for (let i = 0; i < names.length; i++) {
        for (const sub of index.interfaces.get(names[i]!) ?? []) {
          if (seen.has(sub)) continue;
          seen.add(sub);
          names.push(sub);
          queue.push(...(index.implementing.get(sub) ?? []));
        }
      }
    }
    while (queue.length > 0) {
      const className = queue.shift()!;
      if (found.has(className)) continue;
      found.add(className);
      const simple = this.classes.get(className)?.node.name?.text;
      if (simple) queue.push(...(index.extending.get(simple) ?? []));
      if (found.size > MAX_IMPLEMENTATIONS * 4) return undefined;
    }
    const concrete = [...found].filter((className) => {
      const cls = this.classes.get(className);
      return cls !== undefined && !hasModifier(cls.node, ts.SyntaxKind.AbstractKeyword);
    });
    return concrete.length > 0 && concrete.length <= MAX_IMPLEMENTATIONS ? concrete.sort() : undefined;
  }

  private heritage: { implementing: Map<string, string[]>; extending: Map<string, string[]>; interfaces: Map<string, string[]> } | undefined;

  /** Who names what in `implements` and `extends`, over every class and interface of the project (built once). */
  private heritageIndex(): { implementing: Map<string, string[]>; extending: Map<string, string[]>; interfaces: Map<string, string[]> } {
    if (this.heritage) return this.heritage;
    const index = { implementing: new Map<string, string[]>(), extending: new Map<string, string[]>(), interfaces: new Map<string, string[]>() };
    const add = (map: Map<string, string[]>, key: string, value: string): void => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const [className, { node }] of this.classes) {
      for (const clause of node.heritageClauses ?? []) {
        for (const type of clause.types) {
          const written = heritageName(type.expression);
          if (written) add(clause.token === ts.SyntaxKind.ImplementsKeyword ? index.implementing : index.extending, written, className);
        }
      }
    }
    for (const declared of this.byFile.values()) {
      for (const statement of declared.source.statements) {
        const node = ts.isInterfaceDeclaration(statement) ? statement : undefined;
        for (const type of node?.heritageClauses?.flatMap((clause) => [...clause.types]) ?? []) {
          const written = heritageName(type.expression);
          if (written) add(index.interfaces, written, node!.name.text);
        }
      }
    }
    this.heritage = index;
    return index;
  }

  private describeExpression(file: string, declared: TsModuleDeclarations, node: ts.Expression): ModuleValue | undefined {
    let expr = unwrap(node);
    if (ts.isAwaitExpression(expr)) expr = unwrap(expr.expression);
    if (ts.isIdentifier(expr)) return this.describeName(file, declared, expr);
    if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) {
      return { kind: 'function', target: { type: 'closure', file, start: expr.getStart(declared.source) }, declaration: { file, node: expr } };
    }
    if (ts.isClassExpression(expr)) return this.describe(file, expr);
    if (ts.isObjectLiteralExpression(expr)) return { kind: 'object', file, node: expr };
    if (ts.isCallExpression(expr) || ts.isNewExpression(expr)) {
      const required = ts.isCallExpression(expr) ? requiredModule(expr) : undefined;
      if (required !== undefined) {
        const target = this.resolver.resolve(file, required);
        return target !== undefined ? this.exportOf(target, '*') : undefined;
      }
      const holder = holderMadeBy(this.catalog, declared.imports.bindings, expr);
      if (holder) return { kind: 'holder', entry: holder };
      const client = clientMadeBy(this.catalog, declared.imports.bindings, expr);
      if (client) return { kind: 'client', entry: client };
      const made = this.describe(file, expr.expression);
      // `new BillingService()` of a project class.
      if (ts.isNewExpression(expr)) return made?.kind === 'class' ? { kind: 'instance', className: made.name } : undefined;
      // `getPool()`, `db()`: what a project function returns (`if (!pool) pool = new Pool(); return pool;`).
      const returned = made?.kind === 'function' && made.declaration ? returnedExpression(made.declaration.node) : undefined;
      return returned && made?.kind === 'function' ? this.describe(made.declaration!.file, returned) : undefined;
    }
    if (ts.isPropertyAccessExpression(expr)) {
      if (expr.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const cls = enclosingClass(expr);
        return cls ? this.classMember(tsClassName(file, cls, declared.source), expr.name.text, 0) : undefined;
      }
      const base = this.describe(file, expr.expression);
      return base ? this.member(base, expr.name.text) : undefined;
    }
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      // `connection = connection || require('./connection')`: the value it falls back to.
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        const left = this.describe(file, expr.left);
        if (left) return left;
        // `options.transacting || knex`: what the caller passed (a transaction, perhaps) comes
        // first, so the fallback says nothing about the value.
        return fromParameter(expr.left) ? undefined : this.describe(file, expr.right);
      }
      if (op === ts.SyntaxKind.EqualsToken) return this.describe(file, expr.right);
    }
    return undefined;
  }

  /** A name, looked up in the scopes around it: a local, a parameter (unknown), a declaration, an import. */
  private describeName(file: string, declared: TsModuleDeclarations, id: ts.Identifier): ModuleValue | undefined {
    const name = id.text;
    for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
      if (ts.isFunctionLike(scope) && scope.parameters.some((p) => bindsName(p.name, name))) return undefined;
      if (ts.isCatchClause(scope) && scope.variableDeclaration && bindsName(scope.variableDeclaration.name, name)) return undefined;
      if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
        if (scope.initializer.declarations.some((d) => bindsName(d.name, name))) return undefined;
      }
      const statements = ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : undefined;
      if (!statements) continue;
      const entry = this.scopeEntries(scope, statements).get(name);
      if (entry?.kind === 'variable') return this.describeVariable(file, declared, entry.declaration, name);
      if (entry?.kind === 'declaration') return this.describe(file, entry.node);
      if (entry?.kind === 'destructured') {
        // `const { pool } = require('../db')`.
        const base = entry.key !== undefined && entry.declaration.initializer ? this.describe(file, entry.declaration.initializer) : undefined;
        return base && entry.key !== undefined ? this.member(base, entry.key) : undefined;
      }
      if (ts.isSourceFile(scope)) {
        const ref = declared.imports.bindings.get(name);
        return ref ? this.imported(file, ref) : undefined;
      }
    }
    return undefined;
  }

  /** The names a block declares, collected once per block (a lookup is then linear in the nesting only). */
  private scopeEntries(scope: ts.Node, statements: ts.NodeArray<ts.Statement>): Map<string, ScopeEntry> {
    let entries = this.scopes.get(scope);
    if (entries) return entries;
    entries = new Map();
    const add = (name: string, entry: ScopeEntry): void => {
      if (!entries!.has(name)) entries!.set(name, entry);
    };
    for (const statement of statements) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) add(declaration.name.text, { kind: 'variable', declaration });
          else for (const name of bindingNames(declaration.name)) add(name, { kind: 'destructured', declaration, key: ts.isObjectBindingPattern(declaration.name) ? destructuredKey(declaration.name, name) : undefined });
        }
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
        add(statement.name.text, { kind: 'declaration', node: statement });
      }
    }
    this.scopes.set(scope, entries);
    return entries;
  }

  private describeVariable(file: string, declared: TsModuleDeclarations, declaration: ts.VariableDeclaration, name: string): ModuleValue | undefined {
    const initial = declaration.initializer ? this.describe(file, declaration.initializer) : undefined;
    if (initial) return initial;
    // `let knexInstance; … knexInstance = knex(config)`: a `let` set later, once.
    if (declaration.parent.flags & ts.NodeFlags.Const) return undefined;
    for (const assigned of declared.assignments.get(name) ?? []) {
      const value = this.describe(file, assigned);
      if (value) return value;
    }
    return undefined;
  }

  private imported(file: string, ref: ImportRef): ModuleValue | undefined {
    const target = this.resolver.resolve(file, ref.module);
    return target !== undefined ? this.exportOf(target, ref.name) : undefined;
  }

  /** A property of a value: an export of a module, a property of an object literal or class. */
  private member(base: ModuleValue, name: string): ModuleValue | undefined {
    // Object spreads can refer to each other (`a = { ...b }`, `b = { ...a }`) through values
    // already worked out, which `describe`'s own guard never sees: count these steps too.
    if (this.depth > MAX_DEPTH) return undefined;
    this.depth++;
    try {
      return this.memberOf(base, name);
    } finally {
      this.depth--;
    }
  }

  private memberOf(base: ModuleValue, name: string): ModuleValue | undefined {
    switch (base.kind) {
      case 'module':
        return this.exportOf(base.file, name);
      case 'object':
        return this.objectMember(base.file, base.node, name);
      case 'instance':
        return this.classMember(base.className, name, 0);
      case 'class':
        return this.classMember(base.name, name, 0);
      default:
        return undefined;
    }
  }

  private objectMember(file: string, node: ts.ObjectLiteralExpression, name: string): ModuleValue | undefined {
    const source = this.byFile.get(file)?.source;
    if (!source) return undefined;
    // The last property of that name wins, as at run time.
    for (let i = node.properties.length - 1; i >= 0; i--) {
      const property = node.properties[i]!;
      if (ts.isSpreadAssignment(property)) {
        const spread = this.describe(file, property.expression);
        const value = spread ? this.member(spread, name) : undefined;
        if (value) return value;
        continue;
      }
      if (propertyName(property.name) !== name) continue;
      if (ts.isPropertyAssignment(property)) return this.describe(file, property.initializer);
      if (ts.isShorthandPropertyAssignment(property)) return this.describe(file, property.name);
      if (ts.isMethodDeclaration(property)) {
        return property.body ? { kind: 'function', target: { type: 'closure', file, start: property.getStart(source) }, declaration: { file, node: property } } : undefined;
      }
      if (ts.isGetAccessorDeclaration(property)) {
        const returned = returnedExpression(property);
        return returned ? this.describe(file, returned) : undefined;
      }
      return undefined;
    }
    return undefined;
  }

  /**
   * A property of a project class's instances: its initializer (`pool = new Pool()`), a
   * constructor assignment (`this.db = require('../db')`), a getter, or (type-aware) the
   * declared type of a constructor parameter property; else the parent class's.
   */
  private classMember(className: string, name: string, depth: number): ModuleValue | undefined {
    const cls = this.classes.get(className);
    if (!cls || depth > 20) return undefined;
    for (const member of cls.node.members) {
      if (ts.isPropertyDeclaration(member) && propertyName(member.name) === name) {
        if (member.initializer) return this.describe(cls.file, member.initializer);
        const typed = this.typedValue(cls.file, member.name as ts.Identifier);
        if (typed) return typed;
        // Declared only (`client;` as tsc emits class fields, `private client: Client;`): the
        // constructor may set it.
        continue;
      }
      if (ts.isGetAccessorDeclaration(member) && propertyName(member.name) === name) {
        const returned = returnedExpression(member);
        return returned ? this.describe(cls.file, returned) : undefined;
      }
      if (ts.isConstructorDeclaration(member)) {
        for (const parameter of member.parameters) {
          if (!ts.isIdentifier(parameter.name) || parameter.name.text !== name || !ts.isParameterPropertyDeclaration(parameter, member)) continue;
          return this.typedValue(cls.file, parameter.name);
        }
        for (const statement of member.body?.statements ?? []) {
          const expr = ts.isExpressionStatement(statement) ? unwrap(statement.expression) : undefined;
          if (!expr || !ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
          const left = unwrap(expr.left);
          if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) {
            const right = unwrap(expr.right);
            // `constructor(client) { this.client = client; }`: what every `new` of the class passes.
            const index = ts.isIdentifier(right) ? member.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === right.text) : -1;
            if (index >= 0) return this.passedToConstructor(className, index);
            // `this.createPaymentFn = config.createPayment`: the functions the `new` sites give.
            const option = ts.isPropertyAccessExpression(right) && ts.isIdentifier(unwrap(right.expression)) ? member.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === (unwrap(right.expression) as ts.Identifier).text) : -1;
            return option >= 0 ? this.configuredFunctions(className, option, (right as ts.PropertyAccessExpression).name.text) : this.describe(cls.file, expr.right);
          }
        }
      }
    }
    const parent = this.parentClass(cls);
    return parent ? this.classMember(parent, name, depth + 1) : undefined;
  }

  /**
   * The functions the project's `new` sites of a class give as property `property` of the
   * options at constructor argument `index` (`new PaymentMethodHandler({ createPayment: async
   * … })`), when every site that gives one gives a function the analysis knows (options
   * written without the property give none). Two different ones or more: which one a call of
   * the copied property runs is configuration. One, given by every site: the copy is that
   * function, and a call of it is a call of it. One, where some site leaves it out: which
   * runs (that function, or nothing) is configuration again, and with a single candidate
   * there is nothing to weigh it against, so it stays unknown.
   */
  private configuredFunctions(className: string, index: number, property: string): ModuleValue | undefined {
    const sites = this.constructionSites().get(className) ?? [];
    if (sites.length === 0 || sites.length > MAX_CONSTRUCTION_SITES) return undefined;
    const given: Extract<ModuleValue, { kind: 'function' }>[] = [];
    let leftOut = false;
    for (const site of sites) {
      const arg = site.node.arguments?.[index];
      const options = arg ? this.describe(site.file, arg) : undefined;
      // Options written without it (an optional `createRefund`): that site gives nothing to call.
      if (options?.kind === 'object' && !options.node.properties.some((p) => ts.isSpreadAssignment(p) || (p.name !== undefined && propertyName(p.name) === property))) {
        leftOut = true;
        continue;
      }
      const value = options ? this.member(options, property) : undefined;
      if (value?.kind !== 'function') return undefined;
      if (!given.some((g) => JSON.stringify(g.target) === JSON.stringify(value.target))) given.push(value);
    }
    if (given.length === 1 && !leftOut) return given[0];
    return given.length >= 2 ? { kind: 'configured', targets: given.map((g) => g.target) } : undefined;
  }

  /**
   * What every `new` of a class in the project passes as constructor argument `index`, when
   * they all agree (`new Emails(this)` in `class Resend`: a `Resend`); undefined otherwise.
   */
  private passedToConstructor(className: string, index: number): ModuleValue | undefined {
    const sites = this.constructionSites().get(className) ?? [];
    let agreed: ModuleValue | undefined;
    for (const site of sites.slice(0, MAX_CONSTRUCTION_SITES)) {
      const arg = site.node.arguments?.[index];
      if (!arg) return undefined;
      const value = unwrap(arg);
      const cls = value.kind === ts.SyntaxKind.ThisKeyword ? enclosingClass(value) : undefined;
      const declared = this.byFile.get(site.file);
      const found: ModuleValue | undefined = cls && declared ? { kind: 'instance', className: tsClassName(site.file, cls, declared.source) } : this.describe(site.file, value);
      if (!found || (agreed !== undefined && !sameValue(agreed, found))) return undefined;
      agreed = found;
    }
    return sites.length > MAX_CONSTRUCTION_SITES ? undefined : agreed;
  }

  /** The `new X(…)` expressions of the project, by the project class they make (found once). */
  private constructionSites(): Map<string, { readonly file: string; readonly node: ts.NewExpression }[]> {
    if (this.sitesByClass) return this.sitesByClass;
    const found = new Map<string, { file: string; node: ts.NewExpression }[]>();
    this.sitesByClass = found;
    for (const [file, declared] of this.byFile) {
      const visit = (node: ts.Node): void => {
        if (ts.isNewExpression(node)) {
          const made = this.describe(file, node.expression);
          if (made?.kind === 'class') found.set(made.name, [...(found.get(made.name) ?? []), { file, node }]);
        }
        ts.forEachChild(node, visit);
      };
      visit(declared.source);
    }
    return found;
  }

  private acquiredBy(file: string, callee: ts.Expression): { entry: NodeHeldResource; api: string } | undefined {
    const made = this.describe(file, callee);
    const site = made?.kind === 'function' ? made.declaration : undefined;
    const returned = site ? returnedExpression(site.node) : undefined;
    if (!site || !returned) return undefined;
    let call = unwrap(returned);
    if (ts.isAwaitExpression(call)) call = unwrap(call.expression);
    if (!ts.isCallExpression(call)) return undefined;
    const method = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(method)) return undefined;
    // `pool.connect(async (client) => …)` runs a callback: nothing is handed back.
    if (call.arguments.some((arg) => isFunctionLiteral(unwrap(arg)))) return undefined;
    const holder = this.describe(site.file, method.expression);
    if (holder?.kind !== 'holder' || holder.entry.releaseFunction || holder.entry.releaseIndex !== undefined) return undefined;
    if (!holder.entry.acquire.includes(method.name.text)) return undefined;
    const source = this.byFile.get(site.file)?.source;
    const text = source ? method.getText(source) : method.name.text;
    return { entry: holder.entry, api: `${text.length > 40 ? `${text.slice(0, 37)}...` : text}()` };
  }

  private declares(className: string, member: string, depth: number): boolean {
    const cls = this.classes.get(className);
    if (!cls || depth > 20) return false;
    if (cls.node.members.some((m) => m.name !== undefined && propertyName(m.name) === member)) return true;
    const parent = this.parentClass(cls);
    return parent !== undefined && this.declares(parent, member, depth + 1);
  }

  private methodOf(className: string, member: string, depth: number): FunctionSite | undefined {
    const cls = this.classes.get(className);
    if (!cls || depth > 20) return undefined;
    const own = cls.node.members.find((m) => m.name !== undefined && propertyName(m.name) === member);
    if (own) return ts.isMethodDeclaration(own) && own.body ? { file: cls.file, node: own } : undefined;
    const parent = this.parentClass(cls);
    return parent !== undefined ? this.methodOf(parent, member, depth + 1) : undefined;
  }

  /** The project class a class extends, when it is one (a library base class is not). */
  private parentClass(cls: { readonly file: string; readonly node: ts.ClassLikeDeclaration }): string | undefined {
    const heritage = cls.node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    const parent = heritage ? this.describe(cls.file, heritage) : undefined;
    return parent?.kind === 'class' ? parent.name : undefined;
  }
}

/** `options.transacting`, `opts?.db`, `client`: an expression read from a parameter of an enclosing function. */
function fromParameter(node: ts.Expression): boolean {
  let root = unwrap(node);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = unwrap(root.expression);
  if (!ts.isIdentifier(root)) return false;
  const name = root.text;
  for (let scope: ts.Node | undefined = root.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      if (scope.parameters.some((p) => bindsName(p.name, name))) return true;
      const body = (scope as ts.FunctionLikeDeclaration).body;
      // A local of that function shadows any outer parameter.
      if (body && ts.isBlock(body) && body.statements.some((st) => ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => bindsName(d.name, name)))) return false;
    }
  }
  return false;
}

function sameValue(a: ModuleValue, b: ModuleValue): boolean {
  if (a.kind === 'instance' && b.kind === 'instance') return a.className === b.className;
  if (a.kind === 'holder' && b.kind === 'holder') return a.entry === b.entry;
  if (a.kind === 'client' && b.kind === 'client') return a.entry === b.entry;
  return false;
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    // A plain function has its own `this`, and so has an object literal's method; arrow functions keep the class's.
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
    if (ts.isFunctionLike(current) && ts.isObjectLiteralExpression(current.parent)) return undefined;
  }
  return undefined;
}

/** A pool or client shared by another module (`import { pool } from '../db'`, `db.knex`). */
export function sharedHolder(links: ModuleLinks | undefined, expr: ts.Expression): NodeHeldResource | undefined {
  const value = links?.valueOf(expr);
  return value?.kind === 'holder' ? value.entry : undefined;
}

/** An SDK client shared by another module (`import { s3 } from '../aws'`). */
export function sharedClient(links: ModuleLinks | undefined, expr: ts.Expression): NodeSlowClient | undefined {
  const value = links?.valueOf(expr);
  return value?.kind === 'client' ? value.entry : undefined;
}

/**
 * The project code a call runs, found through the modules: an imported function (however it
 * is exported), a method of an exported instance (`billing.charge()`), of a new instance
 * (`new BillingService().charge()`), or of an injected one (type-aware: `this.billing.charge()`).
 */
export function projectCallTarget(links: ModuleLinks, callee: ts.Expression): CallTarget | undefined {
  const expr = unwrap(callee);
  const value = links.valueOf(expr);
  if (value?.kind === 'function') return value.target;
  if (value?.kind === 'configured') return { type: 'configured', targets: value.targets };
  if (!ts.isPropertyAccessExpression(expr)) return undefined;
  const base = links.valueOf(expr.expression);
  if (base?.kind === 'instance') return { type: 'method', className: base.className, method: expr.name.text };
  if (base?.kind === 'implementations') return { type: 'implementations', classNames: base.classNames, method: expr.name.text };
  if (base?.kind === 'class') return { type: 'method', className: base.name, method: expr.name.text };
  return undefined;
}
