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

const NOTHING_KNOWN: LibraryModuleFacts = { functions: [], defaultMethods: [], classes: [] };

const NODE_BUILTINS = new Set(builtinModules.map((name) => (name.startsWith('node:') ? name.slice(5) : name)));

export class LibrarySummaries {
  private readonly installed: InstalledPackages;
  private readonly known: (module: string) => boolean;
  private readonly notInstalled = new Set<string>();
  private readonly cutPackages = new Map<string, string>();
  private readonly inProgress = new Set<string>();
  private readonly derivedHere = new Map<string, LibraryModuleFacts | null>();
  private analysed = 0;
  private overBudget = 0;

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
  }

  /**
   * The catalog for files that import `imports` (each file with the module names it imports):
   * the base catalog, plus what every installed package among them does.
   */
  catalogFor(imports: readonly { readonly from: string; readonly modules: Iterable<string> }[]): NodeCatalog {
    const layers = new Map<string, LibraryModuleFacts>();
    for (const { from, modules } of imports) {
      for (const specifier of modules) {
        if (layers.has(specifier) || !this.follows(from, specifier)) continue;
        const facts = this.factsOf(from, specifier, 0);
        if (facts) layers.set(specifier, facts);
      }
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

  /** A bare specifier of a package the catalog does not describe, not Node's own, not the project's. */
  private follows(from: string, specifier: string): boolean {
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier === '') return false;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
    if (NODE_BUILTINS.has(name) || NODE_BUILTINS.has(specifier)) return false;
    if (this.known(specifier) || this.known(name)) return false;
    return !this.isProjectSpecifier(from, specifier);
  }

  private factsOf(from: string, specifier: string, depth: number): LibraryModuleFacts | undefined {
    const found = this.installed.find(from, specifier);
    if (!found) return undefined;
    if ('missing' in found) {
      if (depth === 0) this.notInstalled.add(found.name);
      return undefined;
    }
    const key = `${found.name}@${found.version}:${found.subpath}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.derivedHere.has(key)) return this.derivedHere.get(key) ?? undefined;
    if (this.inProgress.has(key) || depth > MAX_DEPTH) return undefined;
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
      facts = entry !== undefined ? this.derive(found, entry, depth) : NOTHING_KNOWN;
    } catch {
      // A package we fail on is one we know nothing of (precision first), never the run's end.
      facts = NOTHING_KNOWN;
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
  private derive(found: InstalledModule, entry: string, depth: number): LibraryModuleFacts {
    const paths = new TsModuleResolver([], () => undefined, () => undefined);
    const sources = new Map<string, { source: ReturnType<typeof parseTypeScript>['source']; lines: LineIndex }>();
    const bare: { from: string; specifier: string }[] = [];
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
      const parsed = parseTypeScript(path, text);
      sources.set(path, { source: parsed.source, lines: new LineIndex(text) });
      for (const { specifier } of declareTsModule(parsed.source, path, this.base).specifiers) {
        if (!specifier.startsWith('.')) {
          bare.push({ from: path, specifier });
          continue;
        }
        // The package's own modules only: a relative path out of it is not followed.
        const next = paths.candidatePaths(path, specifier).find((candidate) => candidate.startsWith(`${found.root}/`) && this.host.readFile(candidate) !== undefined);
        if (next !== undefined && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    // The packages it imports in turn, then this package's files with what those do.
    const layers = new Map<string, LibraryModuleFacts>();
    for (const { from, specifier } of bare) {
      if (layers.has(specifier) || !this.follows(from, specifier)) continue;
      const facts = this.factsOf(from, specifier, depth + 1);
      if (facts) layers.set(specifier, facts);
    }
    const catalog = withLibraryFacts(this.base, layers);
    const declarations = [...sources].map(([path, { source }]) => declareTsModule(source, path, catalog));
    const modules = new TsProjectModules(declarations, new TsModuleResolver([...sources.keys()], () => undefined, () => undefined), catalog);
    const irs = [...sources].map(([path, { source }]) => lowerTypeScript(source, path, catalog, undefined, modules).ir);
    const resolver = new ProjectResolver(irs);
    const lineOf = (unit: Unit, offset: number): number => (sources.get(unit.span.file)?.lines.positionAt(offset).line ?? 0) + 1;
    const engine = new FlowEngine(resolver, lineOf);
    const entryIr = irs.find((ir) => ir.file === entry);
    const entryDeclared = declarations.find((d) => d.file === entry);
    const facts = entryIr && entryDeclared ? exportFacts(entryIr, entryDeclared, modules, declarations, irs, resolver, engine) : NOTHING_KNOWN;
    return cut ? { ...facts, cut } : facts;
  }
}

/** What the entry module's exports do: slow functions, slow methods of classes and of a default instance. */
function exportFacts(
  entry: FileIR,
  declared: TsModuleDeclarations,
  modules: TsProjectModules,
  declarations: readonly TsModuleDeclarations[],
  irs: readonly FileIR[],
  resolver: ProjectResolver,
  engine: FlowEngine,
): LibraryModuleFacts {
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
  const functions: { name: string; kind: SlowKind; async: boolean }[] = [];
  const classes: { name: string; methods: { name: string; kind: SlowKind }[] }[] = [];
  let defaultMethods: { name: string; kind: SlowKind }[] = [];
  const functionFact = (name: string, value: ModuleValue): { name: string; kind: SlowKind; async: boolean } | undefined => {
    if (value.kind !== 'function') return undefined;
    const units = resolver.resolve(value.target, script, script.span);
    const kind = probe(units);
    return kind ? { name, kind, async: units.length > 0 && units.every((unit) => unit.async === true) } : undefined;
  };
  for (const name of exportNames(declared, declarations)) {
    const value = modules.exportOf(entry.file, name);
    if (!value) continue;
    if (value.kind === 'function') {
      const fact = functionFact(name, value);
      if (fact) functions.push(fact);
    } else if (value.kind === 'class') {
      const methods = methodsOf(value.name);
      if (methods.length > 0) classes.push({ name, methods });
    } else if (value.kind === 'instance' && name === 'default') {
      defaultMethods = methodsOf(value.className);
    } else if (value.kind === 'object' && name === 'default') {
      // `module.exports = { sendMail, render }`: named imports and `mailer.sendMail()` alike.
      for (const property of value.node.properties.slice(0, MAX_METHODS)) {
        const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
        if (key === undefined) continue;
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

/** The export names of a module: its own, `default` (or a CommonJS module's object), and those of `export *` (one level). */
function exportNames(declared: TsModuleDeclarations, declarations: readonly TsModuleDeclarations[]): string[] {
  const names = new Set(declared.named.keys());
  if (declared.defaultExport || declared.commonjs) names.add('default');
  for (const star of declared.stars) {
    const target = declarations.find((d) => d.file.endsWith(star.replace(/^\.\//, '')) || d.file.endsWith(`${star.replace(/^\.\//, '')}.js`));
    for (const name of target?.named.keys() ?? []) names.add(name);
  }
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
      slowClients.push({ kind: worst(cls.methods.map((m) => m.kind))!, modules: [specifier], className: cls.name, methods: cls.methods.map((m) => m.name) });
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
