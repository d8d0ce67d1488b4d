import { builtinModules } from 'node:module';
import {
  FlowEngine,
  LineIndex,
  ProjectResolver,
  TsModuleResolver,
  TsProjectModules,
  declareTsModule,
  heldOperations,
  heldResourceModules,
  lowerTypeScript,
  parseTypeScript,
  splitSpecifier,
  type FileIR,
  type ModuleValue,
  type NodeCatalog,
  type NodeSlowClient,
  type NodeSlowExport,
  type SlowKind,
  type TsModuleDeclarations,
  type Unit,
} from '../../../core/src';
import * as ts from 'typescript';
import type { ProjectHost } from '../api';
import { InstalledPackages, type InstalledModule } from './installed-packages';
import type { LibraryFactsCache, LibraryModuleFacts } from './library-cache';

/**
 * Library calls judged by what they do. A package the project imports that the catalog does
 * not describe, and that is installed, is read from `node_modules` (its compiled JavaScript,
 * the module its `package.json` gives Node) and analysed as project code is: its files are
 * lowered with the same catalog and its exported functions and class methods get flow
 * summaries, entered with a probe resource held. What slow work they reach (a `fetch`, an
 * `https.request`, a `net`/`tls` connection, `dns`, `child_process`, a timer sleep: all
 * catalog entries of Node itself) becomes catalog data for the project's lowering: a slow
 * export, or an SDK client class with its slow methods. A package it imports in turn is
 * followed the same way, a few packages deep.
 *
 * Bounded: files per package, characters per file, packages per run, packages deep; what a
 * bound cuts is said in the notes. Cached per package name, version and subpath
 * (`LibraryFactsCache`). Nothing is run: the package's code is parsed, never executed. A
 * package that is not installed is noted once per run; its calls are judged by the catalog.
 */

/** Files read of one package (its entry module and what that module imports, relatively). */
const MAX_PACKAGE_FILES = 80;
/** A larger file (a bundle, a minified build) is not read: its exports stay unknown. */
const MAX_FILE_CHARS = 400_000;
/** Packages analysed in one run (the cache counts none). */
const MAX_PACKAGES = 200;
/** Packages followed below the project's own imports (an SDK → its HTTP core → …). */
const MAX_DEPTH = 3;
/** Methods examined per class. */
const MAX_METHODS = 200;
/** Package names listed one by one in a note; the rest are counted. */
const MAX_LISTED = 8;

/** A resource no code opens or closes: entering a unit with it held makes every slow step of the unit visible. */
const PROBE = 'library-probe';

/** Kinds, worst first: a class or an export whose members do several keeps the worst. */
const KIND_ORDER: readonly SlowKind[] = ['http', 'remote-io', 'download', 'mail', 'ldap', 'process', 'sleep', 'polling', 'long-running', 'database', 'file-io'];

const NOTHING_KNOWN: Omit<LibraryModuleFacts, 'probed'> = { functions: [], defaultMethods: [], classes: [] };

const NODE_BUILTINS = new Set(builtinModules.map((name) => (name.startsWith('node:') ? name.slice(5) : name)));

export class LibrarySummaries {
  private readonly installed: InstalledPackages;
  private readonly known: (module: string) => boolean;
  private readonly notInstalled = new Set<string>();
  private readonly cutPackages = new Map<string, string>();
  private readonly inProgress = new Set<string>();
  private readonly derivedHere = new Map<string, LibraryModuleFacts | null>();
  private readonly existing = new Map<string, boolean>();
  private analysed = 0;
  private overBudget = 0;
  /** Part of every cache key: facts derived with another catalog are not these facts. */
  private readonly fingerprint: string;

  constructor(
    private readonly host: ProjectHost,
    levelsAbove: number,
    private readonly base: NodeCatalog,
    private readonly cache: LibraryFactsCache,
    /** Specifiers that name the project's own modules (tsconfig `paths`, workspace packages). */
    private readonly isProjectSpecifier: (from: string, specifier: string) => boolean,
  ) {
    this.installed = new InstalledPackages(host, levelsAbove);
    this.known = catalogModules(base);
    this.fingerprint = catalogFingerprint(base);
  }

  /**
   * The catalog for files that import `imports` (each file with the module names it imports):
   * the base catalog, plus what every installed package among them does.
   */
  catalogFor(imports: readonly { readonly from: string; readonly refs: Iterable<{ readonly module: string; readonly name: string }> }[]): NodeCatalog {
    // Only what the files import is examined: the names, or every export for `import * as`.
    const wanted = new Map<string, { from: string; names: Set<string> }>();
    for (const { from, refs } of imports) {
      for (const ref of refs) {
        if (!wanted.has(ref.module) && !this.follows(from, ref.module)) continue;
        const entry = wanted.get(ref.module) ?? { from, names: new Set<string>() };
        entry.names.add(ref.name);
        wanted.set(ref.module, entry);
      }
    }
    const layers = new Map<string, LibraryModuleFacts>();
    for (const [specifier, { from, names }] of wanted) {
      const facts = this.factsOf(from, specifier, names, 0);
      if (facts) layers.set(specifier, facts);
    }
    return withLibraryFacts(this.base, layers);
  }

  /** The run's notes: packages not installed, packages whose analysis a bound cut. */
  notes(): string[] {
    const notes: string[] = [];
    if (this.notInstalled.size > 0) {
      notes.push(`${this.notInstalled.size} imported package(s) not installed (${listed([...this.notInstalled])}): calls into them are judged by the catalog only`);
    }
    if (this.cutPackages.size > 0) {
      const why = [...this.cutPackages].map(([name, cut]) => `${name}: ${cut}`);
      notes.push(`${this.cutPackages.size} installed package(s) analysed in part (${listed(why)})`);
    }
    if (this.overBudget > 0) notes.push(`${this.overBudget} installed package(s) not analysed: more than ${MAX_PACKAGES} packages in one run`);
    return notes;
  }

  /** Whether a file exists (the host can only read; what it found is remembered for the run). */
  private exists(path: string): boolean {
    let known = this.existing.get(path);
    if (known === undefined) {
      known = this.host.readFile(path) !== undefined;
      this.existing.set(path, known);
    }
    return known;
  }

  /** A module whose exports the catalog rates slow (`https`, `child_process`, `timers/promises`, an SDK). */
  private slowModule(module: string): boolean {
    const name = module.startsWith('node:') ? module.slice(5) : module;
    return this.base.modules[name] !== undefined || (this.base.slowClients ?? []).some((entry) => entry.modules.includes(name)) || (this.base.awaitedEvents ?? []).some((entry) => entry.modules.includes(name));
  }

  /** A bare specifier of a package the catalog does not describe, not Node's own, not the project's. */
  private follows(from: string, specifier: string): boolean {
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier === '') return false;
    const name = splitSpecifier(specifier).name ?? specifier;
    if (NODE_BUILTINS.has(name) || NODE_BUILTINS.has(specifier)) return false;
    if (this.known(specifier) || this.known(name)) return false;
    return !this.isProjectSpecifier(from, specifier);
  }

  private factsOf(from: string, specifier: string, wanted: ReadonlySet<string>, depth: number): LibraryModuleFacts | undefined {
    const found = this.installed.find(from, specifier);
    if (!found) return undefined;
    if ('missing' in found) {
      if (depth === 0) this.notInstalled.add(found.name);
      return undefined;
    }
    const key = `${this.fingerprint}/${found.name}@${found.version}:${found.subpath}`;
    const cached = this.cache.get(key);
    if (cached && covers(cached, wanted)) {
      // A bound that cut it then cut what the catalog says now: still worth a note.
      if (cached.cut) this.cutPackages.set(found.name, cached.cut);
      return cached;
    }
    if (this.derivedHere.get(key) === null) return undefined;
    if (this.inProgress.has(key) || depth > MAX_DEPTH) return undefined;
    // Names asked for before are examined again with the new ones (the facts replace the old).
    const names = new Set([...wanted, ...(cached?.probed ?? [])]);
    if (this.analysed >= MAX_PACKAGES) {
      this.overBudget++;
      this.derivedHere.set(key, null);
      return undefined;
    }
    this.analysed++;
    this.inProgress.add(key);
    let facts: LibraryModuleFacts | undefined;
    try {
      const entry = this.installed.entryOf(found);
      facts = entry !== undefined ? this.derive(found, entry, names, depth) : { ...NOTHING_KNOWN, probed: ['*'] };
    } catch {
      // A package we fail on is one we know nothing of (precision first), never the run's end.
      facts = { ...NOTHING_KNOWN, probed: ['*'] };
    } finally {
      this.inProgress.delete(key);
    }
    this.derivedHere.set(key, facts ?? null);
    if (facts) {
      this.cache.set(key, facts);
      if (facts.cut) this.cutPackages.set(found.name, facts.cut);
    }
    return facts;
  }

  /** Reads, lowers and summarises the module `found` names and what it imports. */
  private derive(found: InstalledModule, entry: string, wanted: ReadonlySet<string>, depth: number): LibraryModuleFacts {
    const paths = new TsModuleResolver([], () => undefined, () => undefined);
    const sources = new Map<string, { source: ts.SourceFile; lines: LineIndex }>();
    const slowNames = new Set([...Object.keys(this.base.globals), ...this.base.timers]);
    let reachesSlowApi = false;
    // What its files take from other packages (imports, re-exports), by specifier.
    const bare = new Map<string, { from: string; names: Set<string> }>();
    const needs = (from: string, specifier: string, name: string): void => {
      const entry = bare.get(specifier) ?? { from, names: new Set<string>() };
      entry.names.add(name);
      bare.set(specifier, entry);
    };
    const queue = [entry];
    const seen = new Set(queue);
    let cut: string | undefined;
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (sources.size >= MAX_PACKAGE_FILES) {
        cut = `more than ${MAX_PACKAGE_FILES} files`;
        break;
      }
      const text = this.host.readFile(path);
      if (text === undefined) continue;
      if (text.length > MAX_FILE_CHARS) {
        cut = `a file over ${MAX_FILE_CHARS} characters`;
        continue;
      }
      const parsed = parseTypeScript(path, text, { keep: false }); // a package's module: no editor changes it
      sources.set(path, { source: parsed.source, lines: new LineIndex(text) });
      const declared = declareTsModule(parsed.source, path, this.base);
      reachesSlowApi ||= [...declared.imports.bindings.values()].some((ref) => this.slowModule(ref.module)) || callsGlobal(parsed.source, slowNames);
      for (const ref of declared.imports.bindings.values()) if (!ref.module.startsWith('.')) needs(path, ref.module, ref.name);
      for (const source of declared.named.values()) if (source.kind === 'forward' && !source.specifier.startsWith('.')) needs(path, source.specifier, source.name);
      for (const star of declared.stars) if (!star.startsWith('.')) needs(path, star, '*');
      for (const { specifier } of declared.specifiers) {
        if (!specifier.startsWith('.')) continue;
        // One file past the bound is enough to say the package was cut: telling whether more
        // exist would read them whole (the host can only read), and none of them is analysed.
        if (seen.size > MAX_PACKAGE_FILES) break;
        // The package's own modules only: a relative path out of it is not followed.
        const next = paths.candidatePaths(path, specifier).find((candidate) => candidate.startsWith(`${found.root}/`) && this.exists(candidate));
        if (next !== undefined && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    // The packages it imports in turn, then this package's files with what those do.
    const layers = new Map<string, LibraryModuleFacts>();
    for (const [specifier, { from, names }] of bare) {
      if (!this.follows(from, specifier)) continue;
      const facts = this.factsOf(from, specifier, names, depth + 1);
      if (facts) layers.set(specifier, facts);
    }
    // Code that names no slow API of the catalog and imports no package found slow cannot be
    // slow: its facts are empty without lowering it.
    const layerSlow = [...layers.values()].some((facts) => facts.functions.length > 0 || facts.classes.length > 0 || facts.defaultMethods.length > 0);
    if (!reachesSlowApi && !layerSlow) return { ...NOTHING_KNOWN, probed: [...wanted], ...(cut ? { cut } : {}) };
    const catalog = withLibraryFacts(this.base, layers);
    const declarations = [...sources].map(([path, { source }]) => declareTsModule(source, path, catalog));
    const files = new TsModuleResolver([...sources.keys()], () => undefined, () => undefined);
    const modules = new TsProjectModules(declarations, files, catalog);
    const irs = [...sources].map(([path, { source }]) => lowerTypeScript(source, path, catalog, undefined, modules).ir);
    const resolver = new ProjectResolver(irs);
    const lineOf = (unit: Unit, offset: number): number => (sources.get(unit.span.file)?.lines.positionAt(offset).line ?? 0) + 1;
    const engine = new FlowEngine(resolver, lineOf);
    const entryIr = irs.find((ir) => ir.file === entry);
    const entryDeclared = declarations.find((d) => d.file === entry);
    const facts = entryIr && entryDeclared ? exportFacts(entryIr, entryDeclared, wanted, modules, files, irs, resolver, engine, layers) : NOTHING_KNOWN;
    return { ...facts, probed: [...wanted], ...(cut ? { cut } : {}) };
  }
}

/** What the entry module's exports do: slow functions, slow methods of classes and of a default instance. */
function exportFacts(
  entry: FileIR,
  declared: TsModuleDeclarations,
  wanted: ReadonlySet<string>,
  modules: TsProjectModules,
  files: TsModuleResolver,
  irs: readonly FileIR[],
  resolver: ProjectResolver,
  engine: FlowEngine,
  /** What the packages it imports do, by specifier (for exports it forwards from them). */
  imported: ReadonlyMap<string, LibraryModuleFacts>,
): Omit<LibraryModuleFacts, 'probed'> {
  const script = entry.units.find((unit) => unit.kind === 'script');
  if (!script) return NOTHING_KNOWN;
  const probe = (units: readonly Unit[]): SlowKind | undefined => worst(units.flatMap((unit) => slowKindsOf(engine, unit)));
  const methodsOf = (className: string): { name: string; kind: SlowKind }[] => {
    const found: { name: string; kind: SlowKind }[] = [];
    for (const name of methodNames(irs, className).slice(0, MAX_METHODS)) {
      const kind = probe(resolver.resolve({ type: 'method', className, method: name }, script, script.span));
      if (kind) found.push({ name, kind });
    }
    return found;
  };
  const functions: LibraryModuleFacts['functions'][number][] = [];
  const classes: LibraryModuleFacts['classes'][number][] = [];
  const defaultMethods: LibraryModuleFacts['defaultMethods'][number][] = [];
  const functionFact = (name: string, value: ModuleValue): { name: string; kind: SlowKind; async: boolean } | undefined => {
    if (value.kind !== 'function') return undefined;
    const units = resolver.resolve(value.target, script, script.span);
    const kind = probe(units);
    return kind ? { name, kind, async: units.length > 0 && units.every((unit) => unit.async === true) } : undefined;
  };
  const defaultValue = modules.exportOf(entry.file, 'default');
  // A default import of a CommonJS module (or of an object of functions) reaches every export.
  const all = wanted.has('*') || (wanted.has('default') && (defaultValue?.kind === 'module' || defaultValue?.kind === 'object'));
  // `module.exports = { deliver, render }` then `import { deliver } from …`: its properties are the exports.
  const objectDefault = defaultValue?.kind === 'object';
  for (const name of exportNames(declared, modules, files)) {
    if (!all && !wanted.has(name) && !(name === 'default' && objectDefault)) continue;
    const value = modules.exportOf(entry.file, name);
    if (!value) {
      // `export { Client } from '@sdk/core'`: what that package's facts say of it.
      const forwarded = forwardedFacts(declared, name, imported);
      if (forwarded) {
        functions.push(...forwarded.functions.map((fn) => ({ ...fn, name })));
        classes.push(...forwarded.classes.map((cls) => ({ ...cls, name })));
      }
      continue;
    }
    if (value.kind === 'function') {
      const fact = functionFact(name, value);
      if (fact) functions.push(fact);
    } else if (value.kind === 'class') {
      const methods = methodsOf(value.name);
      const resources = resourceProperties(modules, value.name, methodsOf);
      if (methods.length > 0 || resources) classes.push({ name, methods, ...(resources ? { resources } : {}) });
    } else if (value.kind === 'instance' && name === 'default') {
      defaultMethods.push(...methodsOf(value.className));
    } else if (value.kind === 'object' && name === 'default') {
      // `module.exports = { sendMail, render }`: named imports and `mailer.sendMail()` alike.
      for (const property of value.node.properties.slice(0, MAX_METHODS)) {
        const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
        if (key === undefined || (!all && !wanted.has(key))) continue;
        const node = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : ts.isMethodDeclaration(property) ? property : undefined;
        const member = node ? modules.describe(value.file, node) : undefined;
        const fact = member ? functionFact(key, member) : undefined;
        if (!fact) continue;
        if (!declared.named.has(key)) functions.push(fact);
        defaultMethods.push({ name: key, kind: fact.kind });
      }
    }
  }
  return { functions, defaultMethods, classes };
}

/** A name the module re-exports from another package (`export { x } from 'dep'`, `export * from 'dep'`): that package's facts of it. */
function forwardedFacts(declared: TsModuleDeclarations, name: string, imported: ReadonlyMap<string, LibraryModuleFacts>): Pick<LibraryModuleFacts, 'functions' | 'classes'> | undefined {
  const source = declared.named.get(name);
  const pick = (facts: LibraryModuleFacts | undefined, original: string): Pick<LibraryModuleFacts, 'functions' | 'classes'> | undefined =>
    facts ? { functions: facts.functions.filter((fn) => fn.name === original), classes: facts.classes.filter((cls) => cls.name === original) } : undefined;
  if (source?.kind === 'forward') return pick(imported.get(source.specifier), source.name);
  for (const star of declared.stars) {
    const found = pick(imported.get(star), name);
    if (found && (found.functions.length > 0 || found.classes.length > 0)) return found;
  }
  return undefined;
}

/**
 * Whether instances of a class keep API resources as properties whose methods are slow
 * (`this.emails = new Emails(this)`, `readonly charges = new Charges(this)`): then any
 * `client.<resource>.<method>()` is a call of the service.
 */
function resourceProperties(modules: TsProjectModules, className: string, methodsOf: (className: string) => readonly { readonly kind: SlowKind }[]): SlowKind | undefined {
  const declared = modules.classDeclaration(className);
  if (!declared) return undefined;
  const made: ts.Expression[] = [];
  for (const member of declared.node.members) {
    if (ts.isPropertyDeclaration(member) && member.initializer) made.push(member.initializer);
    if (ts.isConstructorDeclaration(member)) {
      for (const statement of member.body?.statements ?? []) {
        const expr = ts.isExpressionStatement(statement) ? statement.expression : undefined;
        if (expr && ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(expr.left) && expr.left.expression.kind === ts.SyntaxKind.ThisKeyword) made.push(expr.right);
      }
    }
  }
  const kinds: SlowKind[] = [];
  for (const value of made.slice(0, MAX_METHODS)) {
    if (!ts.isNewExpression(value)) continue;
    const instance = modules.describe(declared.file, value);
    if (instance?.kind === 'instance') kinds.push(...methodsOf(instance.className).map((method) => method.kind));
  }
  return worst(kinds);
}

/** The export names of a module: its own, `default`, and those of the modules it `export *`s (a few levels). */
function exportNames(declared: TsModuleDeclarations, modules: TsProjectModules, files: TsModuleResolver): string[] {
  const names = new Set<string>();
  const visit = (module: TsModuleDeclarations, depth: number): void => {
    for (const name of module.named.keys()) names.add(name);
    if (depth > 4) return;
    for (const star of module.stars) {
      const path = star.startsWith('.') ? files.resolve(module.file, star) : undefined;
      const target = path !== undefined ? modules.declarationsOf(path) : undefined;
      if (target) visit(target, depth + 1);
    }
  };
  visit(declared, 0);
  if (declared.defaultExport || declared.commonjs) names.add('default');
  // Names forwarded from other packages' `export *` are asked for by name (`forwardedFacts`).
  return [...names];
}

/** Method names of a class and the classes it extends (constructors and `#private` methods left out). */
function methodNames(irs: readonly FileIR[], className: string): string[] {
  const names = new Set<string>();
  let current: string | undefined = className;
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    const owner: string = current;
    for (const ir of irs) {
      for (const unit of ir.units) {
        if (unit.kind === 'method' && unit.className === owner && unit.qualifiedName !== undefined && unit.qualifiedName !== 'constructor' && !unit.qualifiedName.startsWith('#') && unit.visibility !== 'private') names.add(unit.qualifiedName);
      }
    }
    current = irs.flatMap((ir) => ir.classes).find((cls) => cls.name === owner)?.parent;
  }
  return [...names];
}

/** The kinds of slow work a unit does, or reaches through calls, while a resource it was entered with is held. */
function slowKindsOf(engine: FlowEngine, unit: Unit): SlowKind[] {
  const flow = engine.analyze(unit, PROBE, 'open');
  return heldOperations(flow)
    .filter((operation) => !operation.marker)
    .map((operation) => operation.occurrence.kind);
}

/** Whether the file calls a global of `names` (`fetch(…)`, `setTimeout(…)`, `globalThis.fetch(…)`). */
function callsGlobal(source: ts.SourceFile, names: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && names.has(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Facts that answer for every name asked. */
function covers(facts: LibraryModuleFacts, wanted: ReadonlySet<string>): boolean {
  return facts.probed.includes('*') || [...wanted].every((name) => facts.probed.includes(name));
}

function worst(kinds: readonly SlowKind[]): SlowKind | undefined {
  return KIND_ORDER.find((kind) => kinds.includes(kind)) ?? kinds[0];
}

/** The catalog with what installed packages do, by the specifier the code imports them with. */
export function withLibraryFacts(catalog: NodeCatalog, layers: ReadonlyMap<string, LibraryModuleFacts>): NodeCatalog {
  if (layers.size === 0) return catalog;
  const modules: Record<string, Readonly<Record<string, NodeSlowExport>>> = { ...catalog.modules };
  const slowClients: NodeSlowClient[] = [...(catalog.slowClients ?? [])];
  for (const [specifier, facts] of layers) {
    const exports: Record<string, NodeSlowExport> = {};
    for (const fn of facts.functions) exports[fn.name] = { kind: fn.kind, callable: true, ...(fn.async ? { whenAwaited: true } : {}) };
    const defaultKind = worst(facts.defaultMethods.map((m) => m.kind));
    if (defaultKind) exports.default = { ...(exports.default ?? { kind: defaultKind }), methods: facts.defaultMethods.map((m) => m.name) };
    if (Object.keys(exports).length > 0) modules[specifier] = exports;
    for (const cls of facts.classes) {
      const kind = worst([...cls.methods.map((m) => m.kind), ...(cls.resources ? [cls.resources] : [])]);
      if (kind) slowClients.push({ kind, modules: [specifier], className: cls.name, methods: cls.methods.map((m) => m.name), ...(cls.resources ? { resourceMethods: true } : {}) });
    }
  }
  return { ...catalog, modules, slowClients };
}

/** Whether the catalog describes a module (its own entries decide; a pattern `x*` is a prefix). */
function catalogModules(catalog: NodeCatalog): (module: string) => boolean {
  const names = new Set<string>([
    ...Object.keys(catalog.modules),
    ...Object.keys(catalog.promisifiers),
    ...catalog.heldResources.flatMap((entry) => heldResourceModules(entry)),
    ...(catalog.slowClients ?? []).flatMap((entry) => entry.modules),
    ...(catalog.heldDecorators ?? []).flatMap((entry) => entry.modules),
    ...(catalog.awaitedEvents ?? []).flatMap((entry) => entry.modules),
    ...(catalog.structuralTransactions?.notModules ?? []),
    ...(catalog.sessionObjects?.modules ?? []),
    ...(catalog.sessionObjects?.loaders ?? []).flatMap((loader) => loader.modules),
    ...(catalog.requestHandlers?.servers ?? []).flatMap((server) => server.modules),
  ]);
  const prefixes = [...names].filter((name) => name.endsWith('*')).map((name) => name.slice(0, -1));
  return (module) => names.has(module) || prefixes.some((prefix) => module.startsWith(prefix));
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

/**
 * A short hash of the catalog that judges packages (FNV-1a over its JSON): a cache kept on disk
 * between runs must not answer with facts a different catalog derived.
 */
function catalogFingerprint(catalog: NodeCatalog): string {
  const text = JSON.stringify(catalog);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
