import type { CallEffect, CallTarget } from '../ir/effects';
import type { FileIR, RegistryStore, Unit } from '../ir/unit';
import type { Span } from '../model/span';
import type { StaticString } from '../ir/static-string';
import { builtinFunctionSet, shadowsBuiltin } from '../project/builtin-shadows';
import { constructorlessUnit } from './constructorless';
import { IncludeGraph } from './include-graph';
import { includeTargets, matchesPattern, normalizePath, type IncludeSearch } from './include-paths';

/** Maps a call to the project code it may run. Unresolvable calls map to nothing. */
export interface CallResolver {
  resolve(target: CallTarget, from: Unit, span: Span): readonly Unit[];
  /**
   * The declarations of a method in the subclasses of `className` (at any depth): what a
   * virtual call may run instead of the one `resolve` gives, when the object is of a subclass.
   */
  overridesOf?(className: string, method: string): readonly Unit[];
  /**
   * The classes a `new $class()` may make (lower-case, fully qualified), with or without a
   * constructor: where the project makes objects of a class, not what the call runs.
   */
  classesMade?(target: Extract<CallTarget, { type: 'dynamic-class' }>): readonly string[];
}

/** An include the analysis could not follow, for verbose output. */
export interface UnresolvedInclude {
  readonly span: Span;
  readonly reason: string;
}

/** How includes are searched, and from which entry scripts' directories each file runs. */
export interface ResolverSearch extends IncludeSearch {
  /** The entry directories of a file (normalized path); see `entryDirectories`. */
  readonly entryDirsOf?: (file: string) => readonly string[] | undefined;
  /** PHP's own functions: a global function declared with one of their names is never called (`builtin-shadows.ts`). */
  readonly builtinFunctions?: readonly string[];
  /** Files PHP refuses to compile (they redeclare a built-in): they declare no function, class or method (`builtin-shadows.ts`). */
  readonly failingToCompile?: ReadonlySet<string>;
}

const NO_SEARCH: ResolverSearch = { includePaths: [] };

/** Functions a name pattern may name at most (`fittingFunctions`); past it, the call runs nothing known. */
const MAX_FUNCTION_CANDIDATES = 12;
/**
 * The files an include whose name the request chooses may run (`lower/php/request-chosen-include.ts`):
 * past this many, the pattern names no small set of pages, and the include reaches nothing.
 */
export const MAX_REQUEST_CHOSEN_FILES = 32;

/**
 * Resolves calls across the project's files: functions (fully qualified), methods through
 * `$this->`, `self::`, `static::`, `parent::`, `Foo::`, `new Foo` (the constructor) and
 * typed receivers, walking parent classes; and `require`/`include` to the included file's
 * top level (a pattern path to every file it matches).
 *
 * A function declared in several files (each entry script its own `show_form()`) resolves
 * to the declarations the calling file can see: its own and those of the files it includes;
 * else those of the requests that run it. Several left: the call returns them all, and the
 * engine keeps only what they all do (see `FlowEngine`).
 */
export class ProjectResolver implements CallResolver {
  /** Every declaration of each function, in file order. */
  private readonly functions = new Map<string, Unit[]>();
  /** Each class's own methods by lower-case name (maps of maps: a lookup builds no key string). */
  private readonly methods = new Map<string, Map<string, Unit>>();
  /** Lower-case method names each class declares (its own, not inherited). */
  private readonly classMethods = new Map<string, string[]>();
  private readonly parents = new Map<string, string>();
  /** The classes that extend each class directly (built on first use, from `parents`). */
  private children: Map<string, string[]> | undefined;
  private readonly traits = new Map<string, readonly string[]>();
  /** The interfaces each class implements (an interface: the others it extends). */
  private readonly interfaces = new Map<string, readonly string[]>();
  /** The methods each class or interface declares without a body. */
  private readonly abstractMethods = new Map<string, ReadonlySet<string>>();
  /** Every class, interface and trait the project declares (lower-case fq). */
  private readonly projectClasses = new Set<string>();
  /** The classes no object is made of exactly (`abstract class`, interfaces, traits). */
  private readonly abstractClasses = new Set<string>();
  /** `concreteOverrides`' answers, by class and method. */
  private readonly overrideCache = new Map<string, readonly Unit[] | null>();
  /** The classes and interfaces that extend or implement each one directly (built on first use). */
  private subtypes: Map<string, string[]> | undefined;
  /** `implementationsOf`' answers, by class and method. */
  private readonly implementationCache = new Map<string, readonly Unit[]>();
  private readonly scripts = new Map<string, Unit>();
  private readonly closures = new Map<string, Unit>();
  private readonly unresolved = new Map<string, UnresolvedInclude>();
  private readonly includeCache = new Map<string, readonly Unit[]>();
  /** The classes each file declares (lower-case fq), for `new $class()` over included files. */
  private readonly fileClasses = new Map<string, readonly string[]>();
  /** Where each class is first declared (lower-case fq), for the stand-in of a class without a constructor. */
  private readonly classSpans = new Map<string, Span>();
  /** One stand-in per class without a constructor (`constructorlessUnit`), so summaries of it are shared. */
  private readonly constructorless = new Map<string, Unit>();
  /** `fittingFunctions`' answers, by name pattern. */
  private readonly functionsByPattern = new Map<string, readonly string[]>();
  /** `fittingClassConstructors`' answers, by class pattern and method. */
  private readonly constructorsByPattern = new Map<string, readonly Unit[]>();
  private scriptPaths: ReadonlySet<string> | undefined;
  private readonly units = new Map<string, readonly Unit[]>();
  private graph: IncludeGraph | undefined;

  constructor(
    files: readonly FileIR[],
    private readonly search: ResolverSearch = NO_SEARCH,
  ) {
    const builtins = builtinFunctionSet(search.builtinFunctions);
    for (const file of files) {
      if (search.failingToCompile?.has(file.file)) {
        this.fileClasses.set(normalizePath(file.file), []);
        this.units.set(normalizePath(file.file), file.units);
        continue;
      }
      this.fileClasses.set(normalizePath(file.file), file.classes.map((cls) => cls.name));
      this.units.set(normalizePath(file.file), file.units);
      for (const cls of file.classes) {
        this.projectClasses.add(cls.name);
        if (!this.classSpans.has(cls.name)) this.classSpans.set(cls.name, cls.span);
        if (cls.parent && !this.parents.has(cls.name)) this.parents.set(cls.name, cls.parent);
        if (cls.traits && !this.traits.has(cls.name)) this.traits.set(cls.name, cls.traits);
        if (cls.interfaces && !this.interfaces.has(cls.name)) this.interfaces.set(cls.name, cls.interfaces);
        if (cls.abstract) this.abstractClasses.add(cls.name);
        if (cls.abstractMethods && !this.abstractMethods.has(cls.name)) this.abstractMethods.set(cls.name, new Set(cls.abstractMethods));
      }
      for (const unit of file.units) {
        if (unit.kind === 'function' && unit.qualifiedName) {
          if (file.language === 'php' && shadowsBuiltin(unit.qualifiedName, builtins)) continue;
          const declared = this.functions.get(unit.qualifiedName);
          if (declared) declared.push(unit);
          else this.functions.set(unit.qualifiedName, [unit]);
        } else if (unit.kind === 'method' && unit.className && unit.qualifiedName) {
          let own = this.methods.get(unit.className);
          if (!own) {
            own = new Map();
            this.methods.set(unit.className, own);
          }
          if (!own.has(unit.qualifiedName)) {
            own.set(unit.qualifiedName, unit);
            const declared = this.classMethods.get(unit.className);
            if (declared) declared.push(unit.qualifiedName);
            else this.classMethods.set(unit.className, [unit.qualifiedName]);
          }
        } else if (unit.kind === 'script') {
          this.scripts.set(normalizePath(file.file), unit);
        } else if (unit.kind === 'closure') {
          this.closures.set(`${file.file}@${unit.span.start}`, unit);
        }
      }
    }
  }

  resolve(target: CallTarget, from: Unit, span: Span): readonly Unit[] {
    switch (target.type) {
      case 'function':
        for (const candidate of target.candidates) {
          const declared = this.functions.get(candidate);
          if (!declared) continue;
          // A TypeScript name is its module's (`ts:<file>#f`): the first declaration, as before.
          if (declared.length === 1 || candidate.startsWith('ts:')) return [declared[0]!];
          return this.visibleDeclarations(declared, from);
        }
        return [];
      case 'method': {
        const seen = new Set<string>();
        for (let current: string | undefined = target.className; current && !seen.has(current); current = this.parents.get(current)) {
          seen.add(current);
          const unit = this.methods.get(current)?.get(target.method);
          if (unit) return target.virtual ? this.concreteOverrides(target.className, target.method, unit, from, span) ?? [unit] : [unit];
          // A trait's method is the class's own, unless the class declares one (checked above).
          for (const trait of this.traits.get(current) ?? []) {
            const fromTrait = this.methods.get(trait)?.get(target.method);
            if (fromTrait) return [fromTrait];
          }
          // A PHP 4 constructor: a method named like its class, in a class without
          // `__construct` outside any namespace, runs on `new`.
          if (target.method === '__construct' && !current.includes('\\')) {
            const legacy = this.methods.get(current)?.get(current);
            if (legacy) return [legacy];
          }
        }
        // On an object typed with an interface or an abstract class: the object is of a class
        // that implements the method, and only the project's implementations are known.
        // Written in the class itself, without a declaration anywhere up the chain: on `$this`,
        // an object of a subclass that declares it (`leftToSubclasses`).
        return target.virtual ? this.implementationsOf(target.className, target.method, from, span, from.className === target.className) : [];
      }
      case 'closure': {
        const unit = this.closures.get(`${target.file}@${target.start}`);
        return unit ? [unit] : [];
      }
      case 'implementations': {
        // Every implementation must have the method (its own or inherited), else which code runs is not known.
        const units: Unit[] = [];
        for (const className of target.classNames) {
          const found = this.resolve({ type: 'method', className, method: target.method }, from, span);
          if (found.length === 0) return [];
          units.push(...found);
        }
        // A stand-in that does nothing (a no-op provider, a stub) is not what the call is written
        // for: the implementations that do something decide, when there are any.
        const working = units.filter((unit) => !unit.placeholder);
        return working.length > 0 ? working : units;
      }
      case 'configured': {
        // Every function given must be known, else which code runs is not known.
        const units: Unit[] = [];
        for (const one of target.targets) {
          const found = this.resolve(one, from, span);
          if (found.length === 0) return [];
          for (const unit of found) if (!units.includes(unit)) units.push(unit);
        }
        return units;
      }
      case 'dynamic-method':
        return this.fittingMethods(target, from, span);
      case 'dynamic-function':
        return this.fittingFunctions(target.name).flatMap((name) => this.resolve({ type: 'function', candidates: [name] }, from, span));
      case 'dispatch':
        return this.dispatchCandidates(target, from, span);
      case 'registry':
        return this.registryCandidates(target.key);
      case 'dynamic-class':
        return target.include ? this.includedClassConstructors(target, target.include, from, span) : this.fittingClassConstructors(target, from, span);
      case 'include': {
        const units = this.included(target, span);
        if (units.length === 0 && !this.unresolved.has(`${span.file}:${span.start}`)) {
          const targets = this.includeTargetsOf(target);
          this.unresolved.set(`${span.file}:${span.start}`, {
            span,
            reason: targets ? `no file of the project matches ${describe(targets.exactMisses)}` : 'the path is computed at run time',
          });
        }
        return units;
      }
      default:
        return [];
    }
  }

  /**
   * Whether `className`, a parent or an interface it implements (at any depth) declares `method`
   * without a body: then a call of it runs some implementation's.
   */
  private declaredAbstract(className: string, method: string): boolean {
    const seen = new Set<string>();
    const pending = [className];
    while (pending.length > 0) {
      const current = pending.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      if (this.abstractMethods.get(current)?.has(method)) return true;
      const parent = this.parents.get(current);
      if (parent) pending.push(parent);
      pending.push(...(this.interfaces.get(current) ?? []));
    }
    return false;
  }

  /**
   * Whether a method `className` does not have (asked once no declaration was found in it, its
   * ancestors or their traits), called from the class's own code, can only be a subclass's
   * (an object built as the class itself would make PHP fail there): every class up the chain is the
   * project's (a library parent may have it) and none has `__call`. Osclass's `SecBaseModel`
   * calls `$this->showAuthFailPage()`, which only its subclasses declare: PHP runs theirs.
   */
  private leftToSubclasses(className: string): boolean {
    const seen = new Set<string>();
    for (let current: string | undefined = className; current && !seen.has(current); current = this.parents.get(current)) {
      seen.add(current);
      if (!this.projectClasses.has(current)) return false;
      const owners = [current, ...(this.traits.get(current) ?? [])];
      if (owners.some((owner) => this.methods.get(owner)?.has('__call'))) return false;
    }
    return true;
  }

  /**
   * The project's implementations of an abstract `method` for objects of `className` (none when
   * the method is not abstract there, `declaredAbstract`, or declared nowhere up the chain,
   * `leftToSubclasses`): the
   * declaration each class below it (extending or implementing it, at any depth) runs, its own
   * or inherited. One: the call runs it. Several: one of them runs, chosen by the object the
   * code was given (`isDispatchTarget`: only what all of them do counts at the call). A
   * stand-in that does nothing (a no-op implementation, a stub) does not decide, as for
   * `implementations` targets.
   */
  private implementationsOf(className: string, method: string, from: Unit, span: Span, inOwnClass: boolean): readonly Unit[] {
    const key = `${className}::${method}${inOwnClass ? '::own' : ''}`;
    const cached = this.implementationCache.get(key);
    if (cached) return cached;
    if (!this.declaredAbstract(className, method) && !(inOwnClass && this.leftToSubclasses(className))) {
      this.implementationCache.set(key, []);
      return [];
    }
    if (!this.subtypes) {
      this.subtypes = new Map();
      const add = (supertype: string, subtype: string): void => {
        const known = this.subtypes!.get(supertype);
        if (known) known.push(subtype);
        else this.subtypes!.set(supertype, [subtype]);
      };
      for (const [child, parent] of this.parents) add(parent, child);
      for (const [child, implemented] of this.interfaces) for (const name of implemented) add(name, child);
    }
    const units: Unit[] = [];
    const seen = new Set<string>([className]);
    const pending = [...(this.subtypes.get(className) ?? [])];
    while (pending.length > 0) {
      const current = pending.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      // Non-virtual: this class's own or inherited declaration (an abstract class's is none).
      for (const unit of this.resolve({ type: 'method', className: current, method }, from, span)) if (!units.includes(unit)) units.push(unit);
      pending.push(...(this.subtypes.get(current) ?? []));
    }
    const working = units.filter((unit) => !unit.placeholder);
    const found = working.length > 0 ? working : units;
    this.implementationCache.set(key, found);
    return found;
  }

  /**
   * A virtual call (`$this->checkSession()` in an abstract class, or on an object typed with it)
   * whose declaration `found` the class has: no object is of exactly an abstract class, so the
   * object is of a concrete (non-abstract) subclass, and the method that runs is the one that
   * subclass sees. When the project has such subclasses and every one of them overrides the
   * method, `found` never runs through this call: the overrides do (one of them, chosen by the
   * object, as for an interface's implementations). Undefined otherwise (a concrete class, an
   * abstract one with no subclass in the project, one subclass that inherits `found`, or a
 * private `found`, which no subclass overrides).
   */
  private concreteOverrides(className: string, method: string, found: Unit, from: Unit, span: Span): readonly Unit[] | undefined {
    // A private method is not overridden: `$this->ready()` in the class's code runs its own.
    if (!this.abstractClasses.has(className) || found.visibility === 'private') return undefined;
    const key = `${className}::${method}`;
    const cached = this.overrideCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    this.overrideCache.set(key, null);
    const units: Unit[] = [];
    let concrete = 0;
    const seen = new Set<string>([className]);
    const pending = [...this.directSubclasses(className)];
    while (pending.length > 0) {
      const current = pending.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      pending.push(...this.directSubclasses(current));
      if (this.abstractClasses.has(current)) continue;
      concrete++;
      // Non-virtual: the declaration an object of exactly this class runs.
      const runs = this.resolve({ type: 'method', className: current, method }, from, span);
      if (runs.length === 0 || runs.includes(found)) return undefined;
      for (const unit of runs) if (!units.includes(unit)) units.push(unit);
    }
    if (concrete === 0) return undefined;
    this.overrideCache.set(key, units);
    return units;
  }

  /** The classes that extend `className` directly. */
  private directSubclasses(className: string): readonly string[] {
    return this.subclassIndex().get(className) ?? [];
  }

  /** Each class's direct subclasses, built once from the parent links. */
  private subclassIndex(): Map<string, string[]> {
    if (!this.children) {
      this.children = new Map();
      for (const [child, parent] of this.parents) {
        const known = this.children.get(parent);
        if (known) known.push(child);
        else this.children.set(parent, [child]);
      }
    }
    return this.children;
  }

  overridesOf(className: string, method: string): readonly Unit[] {
    const children = this.subclassIndex();
    const found: Unit[] = [];
    const seen = new Set<string>([className]);
    const pending = [...(children.get(className) ?? [])];
    while (pending.length > 0) {
      const current = pending.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      // Its own declaration, else one from its traits (a trait's method is the class's own).
      const own = this.methods.get(current)?.get(method) ?? (this.traits.get(current) ?? []).map((trait) => this.methods.get(trait)?.get(method)).find((unit) => unit !== undefined);
      if (own && !found.includes(own)) found.push(own);
      pending.push(...(children.get(current) ?? []));
    }
    return found;
  }

  private includeTargetsOf(target: Extract<CallTarget, { type: 'include' }>): ReturnType<typeof includeTargets> {
    this.scriptPaths ??= new Set(this.scripts.keys());
    const from = normalizePath(target.from);
    const entryDirs = this.search.entryDirsOf?.(from);
    const search = { ...this.search, ...(entryDirs ? { entryDirs } : {}) };
    if (!target.alternatives) return includeTargets(target.path, from, this.scriptPaths, search);
    // A variable with a few known values: the files any of them reaches.
    const found = target.alternatives.map((path) => includeTargets(path, from, this.scriptPaths!, search));
    if (found.every((one) => one === undefined)) return undefined;
    const known = found.filter((one) => one !== undefined);
    return {
      matches: [...new Set(known.flatMap((one) => one.matches))].sort(),
      exactMisses: known.flatMap((one) => one.exactMisses),
      patternMisses: known.flatMap((one) => one.patternMisses),
    };
  }

  classesMade(target: Extract<CallTarget, { type: 'dynamic-class' }>): readonly string[] {
    const pieces = patternPieces(target.className);
    if (!target.include) return [...new Set([...this.fileClasses.values()].flat().filter((name) => matchesPattern(name, pieces)))];
    const classes = (this.includeTargetsOf(target.include)?.matches ?? []).map((file) => this.fileClasses.get(file) ?? []);
    return classes.every((declared) => declared.length === 1 && matchesPattern(declared[0]!, pieces)) ? classes.map((declared) => declared[0]!) : [];
  }

  /**
   * `new $class()` over the files a pattern include picks: each must declare exactly one
   * class whose name fits the pattern (else which class runs is not known: nothing). A
   * candidate without a constructor does nothing: among several, it is there as a stand-in
   * that keeps the state before the call (`constructorlessUnit`).
   */
  private includedClassConstructors(
    target: Extract<CallTarget, { type: 'dynamic-class' }>,
    include: Extract<CallTarget, { type: 'include' }>,
    from: Unit,
    span: Span,
  ): readonly Unit[] {
    const files = this.includeTargetsOf(include)?.matches ?? [];
    const pieces = patternPieces(target.className);
    const units: Unit[] = [];
    for (const file of files) {
      const classes = this.fileClasses.get(file) ?? [];
      if (classes.length !== 1 || !matchesPattern(classes[0]!, pieces)) return [];
      units.push(...this.constructorOrStandIn(classes[0]!, target.method, from, span));
    }
    return this.withStandIns(units);
  }

  /** The top levels an include may run, for the requests that run its file. */
  private included(target: Extract<CallTarget, { type: 'include' }>, span: Span): readonly Unit[] {
    const key = `${span.file}:${span.start}`;
    const cached = this.includeCache.get(key);
    if (cached) return cached;
    const targets = this.includeTargetsOf(target);
    const matches = targets?.matches ?? [];
    // A file the request chooses among more than a few: no small set of pages, so no candidates.
    const units = target.requestChosen && matches.length > MAX_REQUEST_CHOSEN_FILES ? [] : matches.map((file) => this.scripts.get(file)!);
    this.includeCache.set(key, units);
    return units;
  }

  /** The file and every file its includes may reach, transitively (normalized paths). */
  includeClosure(file: string): ReadonlySet<string> {
    return this.includeGraph().closure(normalizePath(file));
  }

  /** True when some file of the project includes this one (so it does not start a request). */
  isIncluded(file: string): boolean {
    return this.includeGraph().isIncluded(normalizePath(file));
  }

  /** Files the include graph's searches expanded (linear in the files: each once per direction). */
  get searchWork(): number {
    return this.graph?.searchWork ?? 0;
  }

  private includeGraph(): IncludeGraph {
    return (this.graph ??= new IncludeGraph([...this.units.keys()], (file) => this.includedFiles(file)));
  }

  /**
   * Of several declarations of one function, those the calling file can see: its own or
   * those of files it includes; else those of the requests that run it; else all of them.
   */
  private visibleDeclarations(declared: readonly Unit[], from: Unit): readonly Unit[] {
    // Asked at every application of a call (the flow visits a call once per summary and case):
    // the answer depends on the calling file only.
    let byFile = this.visibleCache.get(declared);
    if (!byFile) this.visibleCache.set(declared, (byFile = new Map()));
    let visible = byFile.get(from.span.file);
    if (!visible) {
      const graph = this.includeGraph();
      const file = normalizePath(from.span.file);
      const closure = graph.closure(file);
      const own = declared.filter((unit) => closure.has(normalizePath(unit.span.file)));
      const sameRequest = own.length > 0 ? own : declared.filter((unit) => graph.inOneRequest(file, normalizePath(unit.span.file)));
      visible = sameRequest.length > 0 ? sameRequest : declared;
      byFile.set(from.span.file, visible);
    }
    return visible;
  }

  /** `visibleDeclarations` per list of declarations and calling file. */
  private readonly visibleCache = new WeakMap<readonly Unit[], Map<string, readonly Unit[]>>();

  /** The files a file's includes (in any of its units) may reach. */
  private includedFiles(file: string): string[] {
    const reached = new Set<string>();
    for (const unit of this.units.get(file) ?? []) {
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'call' || effect.target.type !== 'include') continue;
        for (const script of this.included(effect.target, effect.span)) reached.add(normalizePath(script.span.file));
      }
    }
    return [...reached];
  }

  /**
   * `new $class()` of an autoloaded class whose name has a literal start: the project's classes
   * that fit. A candidate without a constructor, among several, is a stand-in that does nothing.
   */
  private fittingClassConstructors(target: Extract<CallTarget, { type: 'dynamic-class' }>, from: Unit, span: Span): readonly Unit[] {
    const pieces = patternPieces(target.className);
    // The answer depends on the pattern and the method only (a method resolves the same from
    // anywhere), and matching every class of the project against a pattern at every call was
    // most of MediaWiki's time before its flow started (`placesThatRun` resolves each call).
    const key = `${pieces.join('\0')}\u0001${target.method}`;
    const known = this.constructorsByPattern.get(key);
    if (known) return known;
    const classes = [...this.fileClasses.values()].flat().filter((name) => matchesPattern(name, pieces));
    const found: Unit[] = [];
    for (const name of new Set(classes)) found.push(...this.constructorOrStandIn(name, target.method, from, span));
    const units = this.withStandIns(found);
    this.constructorsByPattern.set(key, units);
    return units;
  }

  /**
   * What `new` of one candidate class runs: its constructor, or, when it has none, a stand-in
   * that does nothing (so a call with several candidates joins the state before the call with
   * the others' states after it, instead of losing them all).
   */
  private constructorOrStandIn(className: string, method: string, from: Unit, span: Span): readonly Unit[] {
    const constructor = this.resolve({ type: 'method', className, method }, from, span);
    if (constructor.length > 0 || method !== '__construct') return constructor;
    const declared = this.classSpans.get(className);
    if (!declared) return [];
    let standIn = this.constructorless.get(className);
    if (!standIn) this.constructorless.set(className, (standIn = constructorlessUnit(className, declared)));
    return [standIn];
  }

  /**
   * The stand-ins count only next to a constructor that does something: one candidate, or
   * none with a constructor, is a `new` that runs that constructor or nothing.
   */
  private withStandIns(units: readonly Unit[]): readonly Unit[] {
    const constructors = units.filter((unit) => !(unit.className !== undefined && this.constructorless.get(unit.className) === unit));
    return constructors.length > 0 && units.length > constructors.length ? units : constructors;
  }

  /**
   * `$this->{"ping_" . $type}()`: the methods of the class (its own, its parents', its
   * traits') whose names fit, each resolved as a call of that name would be.
   */
  private fittingMethods(target: Extract<CallTarget, { type: 'dynamic-method' }>, from: Unit, span: Span): readonly Unit[] {
    const pieces = patternPieces(target.method);
    const names = new Set<string>();
    const seen = new Set<string>();
    const visit = (name: string | undefined): void => {
      if (!name || seen.has(name)) return;
      seen.add(name);
      for (const method of this.classMethods.get(name) ?? []) if (matchesPattern(method, pieces)) names.add(method);
      for (const trait of this.traits.get(name) ?? []) visit(trait);
      visit(this.parents.get(name));
    };
    visit(target.className);
    const units = new Set<Unit>();
    const requested = target.requestNamed;
    for (const method of names) {
      // Named by the request from outside the class: its public methods that the call's
      // arguments can run, not its magic ones.
      if (requested && method.startsWith('__')) continue;
      for (const unit of this.resolve({ type: 'method', className: target.className, method }, from, span)) {
        if (!requested || ((unit.visibility ?? 'public') === 'public' && (unit.requiredParameters ?? 0) <= requested.arguments)) units.add(unit);
      }
    }
    return [...units];
  }

  /**
   * `call_user_func($config['auth_mechanism'] . '_authenticate', …)`: the project's functions
   * whose names fit the literal parts, in declaration order; none when more than
   * `MAX_FUNCTION_CANDIDATES` fit (a short suffix such as `'_'` bounds nothing).
   */
  private fittingFunctions(name: StaticString): readonly string[] {
    const key = JSON.stringify(name);
    const known = this.functionsByPattern.get(key);
    if (known) return known;
    const pieces = patternPieces(name);
    const fitting: string[] = [];
    for (const declared of this.functions.keys()) {
      if (declared.startsWith('ts:') || !matchesPattern(declared, pieces)) continue;
      fitting.push(declared);
      if (fitting.length > MAX_FUNCTION_CANDIDATES) break;
    }
    const found = fitting.length > MAX_FUNCTION_CANDIDATES ? [] : fitting;
    this.functionsByPattern.set(key, found);
    return found;
  }

  /**
   * A dispatch (`call_user_func([$this->controller, $action])`): of the project's classes that
   * fit one of the class patterns (written out, or with a literal start), the methods that fit
   * one of the method patterns, each resolved as a call of that name would be.
   */
  private dispatchCandidates(target: Extract<CallTarget, { type: 'dispatch' }>, from: Unit, span: Span): readonly Unit[] {
    const classes = new Set<string>();
    for (const className of target.classNames) {
      const pieces = patternPieces(className);
      if (pieces.length === 1) {
        if (this.fileClassNames().has(pieces[0]!)) classes.add(pieces[0]!);
        continue;
      }
      // Nothing written before the unknown part: any class would fit, which bounds nothing.
      if (pieces[0] === '') return [];
      for (const name of this.fileClassNames()) if (matchesPattern(name, pieces)) classes.add(name);
    }
    const units = new Set<Unit>();
    for (const className of classes) {
      for (const method of target.methods) {
        const pieces = patternPieces(method);
        const found =
          pieces.length === 1
            ? this.resolve({ type: 'method', className, method: pieces[0]! }, from, span)
            : this.fittingMethods({ type: 'dynamic-method', className, method }, from, span);
        for (const unit of found) units.add(unit);
      }
    }
    return [...units];
  }

  private classNames: ReadonlySet<string> | undefined;
  private readonly registries = new Map<string, readonly Unit[]>();
  /** Every unit that stores into a registry, with its stores (gathered on first use). */
  private registryStoresByKey: Map<string, { unit: Unit; store: RegistryStore }[]> | undefined;
  /** Every call of project code, by the name it calls (function or method; gathered on first use). */
  private callsByName: Map<string, { unit: Unit; effect: CallEffect }[]> | undefined;

  /**
   * The callables a registry holds: each store's callable, and for a registering function's
   * parameter what every call of it passes there. A store of anything else, or a call that
   * passes something the code does not name (a variable), leaves the registry unbounded:
   * nothing (precision first).
   */
  private registryCandidates(key: string): readonly Unit[] {
    const known = this.registries.get(key);
    if (known) return known;
    this.registries.set(key, []);
    const found = new Set<Unit>();
    const add = (target: CallTarget, unit: Unit, span: Span): void => {
      for (const candidate of this.resolve(target, unit, span)) found.add(candidate);
    };
    const bounded = (this.storesOf(key) ?? []).every(({ unit, store }) => {
      if ('unknown' in store.value) return false;
      if ('target' in store.value) {
        add(store.value.target, unit, unit.span);
        return true;
      }
      const index = store.value.parameter;
      return this.callsOf(unit).every(({ unit: caller, effect }) => {
        const passed = effect.callables?.find((callable) => callable.index === index)?.target;
        if (!passed || passed.type === 'parameter') return false;
        add(passed, caller, effect.span);
        return true;
      });
    });
    const units = bounded ? [...found] : [];
    this.registries.set(key, units);
    return units;
  }

  private storesOf(key: string): { unit: Unit; store: RegistryStore }[] | undefined {
    if (!this.registryStoresByKey) {
      this.registryStoresByKey = new Map();
      for (const units of this.units.values()) {
        for (const unit of units) {
          for (const store of unit.registryStores ?? []) {
            const list = this.registryStoresByKey.get(store.key);
            if (list) list.push({ unit, store });
            else this.registryStoresByKey.set(store.key, [{ unit, store }]);
          }
        }
      }
    }
    return this.registryStoresByKey.get(key);
  }

  /** The calls in the project that run `unit` (a function or method by its name). */
  private callsOf(unit: Unit): { unit: Unit; effect: CallEffect }[] {
    if (!this.callsByName) {
      this.callsByName = new Map();
      for (const units of this.units.values()) {
        for (const caller of units) {
          for (const node of caller.cfg.nodes) {
            const effect = node.effect;
            if (effect?.kind !== 'call') continue;
            const names = effect.target.type === 'function' ? effect.target.candidates : effect.target.type === 'method' ? [effect.target.method] : [];
            for (const name of names) {
              const list = this.callsByName.get(name);
              if (list) list.push({ unit: caller, effect });
              else this.callsByName.set(name, [{ unit: caller, effect }]);
            }
          }
        }
      }
    }
    if (!unit.qualifiedName) return [];
    return (this.callsByName.get(unit.qualifiedName) ?? []).filter(({ unit: caller, effect }) => this.resolve(effect.target, caller, effect.span).includes(unit));
  }

  private fileClassNames(): ReadonlySet<string> {
    return (this.classNames ??= new Set([...this.fileClasses.values()].flat()));
  }

  /** Includes that could not be followed, each once. */
  unresolvedIncludes(): UnresolvedInclude[] {
    return [...this.unresolved.values()];
  }
}

/** A pattern's literal pieces, split where a part is not known: `['', 'module']` for `$m . 'Module'`. */
function patternPieces(value: StaticString): string[] {
  const pieces = [''];
  for (const part of value) {
    if ('text' in part) pieces[pieces.length - 1] += part.text;
    else pieces.push('');
  }
  return pieces;
}

function describe(paths: readonly string[]): string {
  return paths.length > 0 ? paths.map((p) => `\`${p}\``).join(' or ') : 'the pattern';
}

/** Resolution within the files given (one file, in the single-file analysis). */
export class SameFileResolver extends ProjectResolver {}
