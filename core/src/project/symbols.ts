import type { StaticPart, StaticString } from '../ir/static-string';
import type { Span } from '../model/span';
import type { Literal } from '../ir/predicate-shape';
import { samePure, type PureFunction } from '../lower/php/pure-functions';
import type { SettingAccessor } from '../lower/php/setting-accessors';
import type { TruthyWhen } from '../lower/php/truthy-strings';
import { TruthyReturns } from './truthy-returns';
import { AlikeConstructions } from './alike-constructions';
import { ConstructedValues, type ClassFacts } from './constructed-values';
import type { ClassProperties, Construction } from './constructor-model';
import { builtinFunctionSet, redeclaresBuiltin, shadowsBuiltin } from './builtin-shadows';

/** What one file declares, gathered before any lowering so every file can see the others. */
export interface FileSymbols {
  readonly file: string;
  /** Lower-case fully qualified function names. */
  readonly functions: readonly string[];
  /** Those declared unconditionally at the file's top level (`builtin-shadows.ts`: `redeclaresBuiltin`). */
  readonly topLevelFunctions?: readonly string[];
  readonly classes: readonly ClassSymbol[];
  /** Constants by name as written (`define('ROOT', …)`, `const LIB = …`), fq when namespaced. */
  readonly constants: ReadonlyMap<string, StaticString>;
  /** Some `define()` of the file names its constant with an expression (`define($name, …)`): it may define any. */
  readonly computedDefines?: true;
  /** Constants the file defines only when not defined yet (`if (!defined('X')) define('X', …)`). */
  readonly fallbackDefines?: readonly string[];
  /**
   * Calls made as statements whose arguments are all known (`require_api('x.php');`): through an
   * include helper they include a file. Not part of what other files' lowering depends on.
   */
  readonly literalCalls?: readonly { readonly name: string; readonly args: readonly StaticString[] }[];
  /** Lower-case fq function → positions of its by-reference parameters (`function f(&$x)`). */
  readonly functionByRef: ReadonlyMap<string, readonly number[]>;
  /** Lower-case fq function → lower-case class it returns (declared type or `@return`). */
  readonly functionReturns: ReadonlyMap<string, string>;
  /** The paths of its `require`/`include` expressions, to find files it needs. */
  readonly includes: readonly StaticString[];
  /** What its `set_include_path()` calls set the include path to (`flow/code-include-paths.ts`). */
  readonly includePathSets?: readonly StaticString[];
  /** Its first comment (a plugin header, a file docblock), for framework detection. */
  readonly headerComment: string;
  /**
   * Literal values its top level sets (`$plugin->component`, `$autoload['libraries']`,
   * `return['block']`), for framework detection and configuration files; with the span of
   * the statement that sets each.
   */
  readonly settings: ReadonlyMap<string, { readonly values: readonly SettingValue[]; readonly span: Span }>;
  /** Lower-case fq function → its model when it is a pure function (`pure-functions.ts`), null when not. */
  readonly pureFunctions?: ReadonlyMap<string, PureFunction | null>;
  /**
   * Lower-case fq function or `class::method` → when every return is a string PHP reads as true
   * (`lower/php/truthy-strings.ts`), null when not; left out when none is.
   */
  readonly truthyStringFunctions?: ReadonlyMap<string, TruthyWhen | null>;
  /** Lower-case fq function → its include whose path is built from a parameter (an include helper). */
  readonly includeHelpers?: ReadonlyMap<string, IncludeHelper>;
  /**
   * Variable (with `$`) → the path values its top level assigns it; `null` when some
   * assignment is not a path, or a function assigns it through `global`/`$GLOBALS`.
   */
  readonly globals?: ReadonlyMap<string, readonly PathTemplate[] | null>;
  /** Variable (with `$`) → the class its top level builds into it (`null`: several). */
  readonly globalClasses?: ReadonlyMap<string, string | null>;
  /**
   * The values its top level ships for settings (`$CONF['encrypt']`, `$g_use_ldap_email`):
   * `null` where the file writes the key in a way whose value depends on what runs
   * (`shipped-defaults.ts`).
   */
  readonly shippedDefaults?: ReadonlyMap<string, ShippedValue | null>;
  /** Lower-case fq function or `class::method` → how it returns a setting named by a parameter. */
  readonly settingAccessors?: ReadonlyMap<string, SettingAccessor>;
  /**
   * Lower-case fq function or `class::method` → its by-reference parameters that it leaves as
   * they were (`lower/php/restored-references.ts`).
   */
  readonly restoredReferences?: ReadonlyMap<string, readonly number[]>;
  /** Every `new` of the file, for `constructed-values.ts`. */
  readonly constructions?: readonly Construction[];
  /** Properties its code outside classes writes (`*`: a computed name). */
  readonly looseWrites?: readonly string[];
}

/** A setting's shipped value as written: a literal, or a constant resolved when it is read. */
export type ShippedValue = { readonly literal: Literal } | { readonly constant: string };

/** A path as written in a function: literal parts, constants, its parameters and globals. */
export type TemplatePart = StaticPart | { readonly parameter: number } | { readonly global: string };
export type PathTemplate = readonly TemplatePart[];

/** `function require_api($name) { require_once($g_core_path . $name); }`: what each call includes. */
export interface IncludeHelper {
  readonly path: PathTemplate;
  /** The file the function is declared in (relative parts of the path resolve from it). */
  readonly from: string;
  /** `require_once`, `include`, … */
  readonly keyword: string;
}

/** A global's values cross files: capped, past this it is taken as unknown. */
const MAX_GLOBAL_VALUES = 4;

/** A literal value in a configuration file: a string or a boolean. */
export type SettingValue = string | boolean;

export interface ClassSymbol {
  /** Lower-case fully qualified. */
  readonly name: string;
  readonly parent?: string;
  /** Property name (without `$`) → lower-case class, from types, promotion, `@var`, `new`. */
  readonly properties: ReadonlyMap<string, string>;
  /** Lower-case names of the methods it declares. */
  readonly methods: ReadonlySet<string>;
  /** Lower-case fq names of the traits it uses. */
  readonly traits: readonly string[];
  /**
   * Lower-case method → lower-case class it returns (declared type or `@return`), or `static`:
   * the class it is called on.
   */
  readonly returns: ReadonlyMap<string, string>;
  /** Lower-case method → positions of its by-reference parameters. */
  readonly byRef: ReadonlyMap<string, readonly number[]>;
  /**
   * Property name → the call whose result the class assigns to it (`$this->session =
   * \Config\Services::session()`), typed later by what the call returns (catalog or project).
   */
  readonly propertyCalls?: ReadonlyMap<string, AssignedCall>;
  /**
   * Property name → the literal starts of the class names a `new $class` the class assigns to it
   * may build (`$this->auth = new $alib(…)`, `$alib = "phpvbAuth{$this->authLib}"`).
   */
  readonly classPrefixes?: ReadonlyMap<string, readonly string[]>;
  /** Its property declarations, constructor and property writes (`constructed-values.ts`). */
  readonly constructed?: ClassProperties;
}

/** A call assigned to a property: a function (its lookup candidates) or a static method. */
export type AssignedCall =
  | { readonly type: 'function'; readonly candidates: readonly string[] }
  | { readonly type: 'static'; readonly className: string; readonly method: string };

/**
 * The declarations of the whole project: functions, classes (with parents and property
 * types), constants. Lowering consults it to tell project code from library code and to
 * type receivers such as `$this->http`.
 */
export class ProjectSymbols {
  private readonly functions = new Set<string>();
  private readonly classes = new Map<string, ClassSymbol>();
  private readonly constants = new ConstantTable();
  private readonly functionReturns = new Map<string, string>();
  private readonly functionByRef = new Map<string, readonly number[]>();
  /** `restoredReferences` of every file; a name declared differently in several files keeps what all agree on. */
  private readonly restored = new Map<string, readonly number[]>();
  private readonly pureFunctions = new Map<string, PureFunction | null>();
  /** Classes whose every `new` in one request builds the same object. */
  private readonly alikeConstructions = new AlikeConstructions({
    inputsOf: (name) => this.classes.get(name)?.constructed?.inputs,
    isDuplicate: (name) => this.duplicateClasses.has(name),
    parentOf: (name) => this.parentOf(name),
    hasFunction: (name) => this.hasFunction(name),
    hasClass: (name) => this.hasClass(name),
    mayDefineConstant: (name) => this.mayDefineConstant(name),
    classNames: () => this.classes.keys(),
  });
  /** Functions and methods that return only strings PHP reads as true. */
  private readonly truthyReturns = new TruthyReturns(this);
  /** Include helpers by function name; `null` where declarations of one name disagree. */
  private readonly includeHelpers = new Map<string, IncludeHelper | null>();
  private readonly globalTemplates = new Map<string, PathTemplate[] | null>();
  private readonly globalCache = new Map<string, readonly StaticString[] | null>();
  private readonly globalClasses = new Map<string, string | null>();
  private readonly shipped = new Map<string, ShippedValue | null>();
  /** Element keys (`encrypt`) → the array settings written with them (`$CONF['encrypt']`). */
  private readonly shippedByKey = new Map<string, string[]>();
  private readonly accessors = new Map<string, SettingAccessor | null>();
  readonly files = new Set<string>();
  /** Classes declared in more than one file. */
  private readonly duplicateClasses = new Set<string>();
  private readonly constructions: Construction[] = [];
  private readonly looseWrites = new Set<string>();
  private constructedCache: ConstructedValues | undefined;
  /** Some file defines a constant whose name is an expression: any constant may be defined. */
  private computedDefines = false;
  /** Files that declare a PHP built-in's name at their top level: PHP compiles none of them (`builtin-shadows.ts`). */
  readonly failingToCompile = new Set<string>();

  /**
   * `builtinFunctions`: PHP's own functions (`Catalog.builtinFunctions`); a global function
   * declared with one of their names never answers a call (`builtin-shadows.ts`).
   */
  constructor(files: readonly FileSymbols[], builtinFunctions?: readonly string[]) {
    const builtins = builtinFunctionSet(builtinFunctions);
    for (const file of files) {
      this.files.add(file.file);
      // PHP refuses such a file when it compiles it: nothing in it is ever declared.
      if (redeclaresBuiltin(file.topLevelFunctions, builtins)) {
        this.failingToCompile.add(file.file);
        continue;
      }
      if (file.computedDefines) this.computedDefines = true;
      for (const fn of file.functions) if (!shadowsBuiltin(fn, builtins)) this.functions.add(fn);
      for (const [fn, type] of file.functionReturns) if (!this.functionReturns.has(fn)) this.functionReturns.set(fn, type);
      for (const [fn, indices] of file.functionByRef) if (!this.functionByRef.has(fn)) this.functionByRef.set(fn, indices);
      // Every by-reference declaration counts, so one that changes its parameter empties the name's entry.
      const declared = [...file.functionByRef.keys(), ...file.classes.flatMap((cls) => [...cls.byRef.keys()].map((method) => `${cls.name}::${method}`))];
      for (const name of declared) {
        const indices = file.restoredReferences?.get(name) ?? [];
        const known = this.restored.get(name);
        this.restored.set(name, known === undefined ? indices : known.filter((index) => indices.includes(index)));
      }
      for (const cls of file.classes) {
        if (!this.classes.has(cls.name)) this.classes.set(cls.name, cls);
        else this.duplicateClasses.add(cls.name);
      }
      this.constructions.push(...(file.constructions ?? []));
      for (const property of file.looseWrites ?? []) this.looseWrites.add(property);
      this.constants.add(file);
      // A function declared in several files is pure only when every declaration is the same.
      for (const [name, pure] of file.pureFunctions ?? []) {
        const known = this.pureFunctions.get(name);
        this.pureFunctions.set(name, known === undefined || samePure(known, pure) ? pure : null);
      }
      this.truthyReturns.add(file);
      for (const [name, helper] of file.includeHelpers ?? []) {
        const known = this.includeHelpers.get(name);
        const same = known !== undefined && known !== null && JSON.stringify(known) === JSON.stringify(helper);
        this.includeHelpers.set(name, known === undefined || same ? helper : null);
      }
      for (const [name, className] of file.globalClasses ?? []) {
        const known = this.globalClasses.get(name);
        this.globalClasses.set(name, known === undefined || known === className ? className : null);
      }
      for (const [key, value] of file.shippedDefaults ?? []) {
        const known = this.shipped.get(key);
        this.shipped.set(key, known === undefined || (known !== null && value !== null && sameShipped(known, value)) ? value : null);
        const element = elementKey(key);
        if (element !== undefined && known === undefined) this.shippedByKey.set(element, [...(this.shippedByKey.get(element) ?? []), key]);
      }
      for (const [name, accessor] of file.settingAccessors ?? []) {
        const known = this.accessors.get(name);
        this.accessors.set(name, known === undefined || JSON.stringify(known) === JSON.stringify(accessor) ? accessor : null);
      }
      for (const [name, values] of file.globals ?? []) {
        const known = this.globalTemplates.get(name);
        this.globalTemplates.set(name, values === null || known === null ? null : [...(known ?? []), ...values]);
      }
    }
  }

  /**
   * The value the project ships for a setting (`$CONF['encrypt']`, `$g_use_ldap_email`): one
   * literal every top-level assignment of it agrees on, constants resolved; undefined when it
   * has none, several, or one the analysis cannot know.
   */
  shippedDefault(key: string): Literal | undefined {
    const value = this.shipped.get(key);
    if (!value) return undefined;
    if ('literal' in value) return value.literal;
    return this.constantLiteral(value.constant);
  }

  /** The shipped value of a setting as the project writes it (`OFF`, `'md5crypt'`, `false`). */
  shippedWritten(key: string): string | undefined {
    const value = this.shipped.get(key);
    if (!value) return undefined;
    if ('constant' in value) return value.constant;
    const literal = value.literal;
    return typeof literal === 'string' ? `'${literal}'` : literal === null ? 'null' : String(literal);
  }

  /**
   * The setting an accessor returns for element key `name` of a store it does not name
   * (`$this->settings[$setting]`): the one array setting shipped with that key, when one
   * array alone ships it (`$cfg['URLQueryEncryption']`).
   */
  shippedElement(name: string): string | undefined {
    const keys = this.shippedByKey.get(name);
    return keys?.length === 1 ? keys[0] : undefined;
  }

  /** How a project function or method (`class::method`, parents walked) returns a setting. */
  settingAccessor(name: string, className?: string): SettingAccessor | undefined {
    if (className === undefined) return this.accessors.get(name) ?? undefined;
    const declaring = this.ancestry(className).find((current) => this.classes.get(current)?.methods.has(name));
    return declaring === undefined ? undefined : (this.accessors.get(`${declaring}::${name}`) ?? undefined);
  }

  /** A constant whose value is one literal (`define('OFF', 0)`, `const ON = true`). */
  constantLiteral(name: string): Literal | undefined {
    const lower = name.toLowerCase();
    if (lower === 'true' || lower === 'false') return lower === 'true';
    if (lower === 'null') return null;
    const value = this.constant(name);
    if (value?.length !== 1) return value?.length === 0 ? '' : undefined;
    const part = value[0]!;
    if ('text' in part) return part.text !== '' && part.text.trim() === part.text && Number.isFinite(Number(part.text)) ? Number(part.text) : part.text;
    return 'constant' in part && ['true', 'false', 'null'].includes(part.constant.toLowerCase()) ? this.constantLiteral(part.constant) : undefined;
  }

  /**
   * The literals `$this->property` (or `$this->property[key]`) can hold in a method of
   * `className` other than its constructor, when the project fixes them (`constructed-values.ts`).
   */
  constructedValues(className: string, property: string, key?: string): readonly Literal[] | undefined {
    return this.constructed().values(className, property, key);
  }

  /**
   * The project class of the object `$this->property` holds in a method of `className`, when
   * the constructor stores an argument every `new` gives as `new Foo(…)` (`constructed-values.ts`).
   */
  constructedClass(className: string, property: string): string | undefined {
    return this.constructed().objectClass(className, property);
  }

  private constructed(): ConstructedValues {
    this.constructedCache ??= new ConstructedValues(
      new Map<string, ClassFacts>([...this.classes].map(([name, cls]) => [name, { ...(cls.parent ? { parent: cls.parent } : {}), traits: cls.traits, ...(cls.constructed ? { properties: cls.constructed } : {}) }])),
      this.duplicateClasses,
      this.constructions,
      this.looseWrites,
      (className, property) => this.propertyType(className, property),
    );
    return this.constructedCache;
  }

  /**
   * Whether every `new` of the project class in one request builds an object with the same
   * property values (`project/alike-constructions.ts`): `$cfg = new Cfg(); if ($cfg->noAuth)`
   * in two calls tests the same thing.
   */
  constructsAlike(className: string): boolean {
    return this.hasClass(className) && this.alikeConstructions.alike(className);
  }

  /**
   * Whether the value is, on every path, a string PHP reads as true: `'/x?rt=' . $route`, or a
   * call of project code whose every return is one (`project/truthy-returns.ts`).
   */
  isTruthyString(when: TruthyWhen): boolean {
    return this.truthyReturns.isTruthy(when);
  }

  /** The model of a project function that is pure in every file that declares it. */
  pureFunction(name: string): PureFunction | undefined {
    return this.pureFunctions.get(name) ?? undefined;
  }

  /**
   * The class of the global `$name` when the project's top-level code builds it with `new`
   * of one class only (`$config = new config(…)`), for `global $config;` in a function.
   */
  globalClass(name: string): string | undefined {
    return this.globalClasses.get(name) ?? undefined;
  }

  /** The include helper named `name` (lower-case fq), when every declaration of it is the same one. */
  includeHelper(name: string): IncludeHelper | undefined {
    return this.includeHelpers.get(name) ?? undefined;
  }

  /**
   * The value the project's top-level code gives the global `$name` (a path, constants left
   * to resolve), when every assignment of it is a path we can follow and all give the same
   * value; undefined otherwise.
   */
  globalValues(name: string, depth = 0): readonly StaticString[] | undefined {
    const cached = this.globalCache.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const templates = this.globalTemplates.get(name);
    if (!templates || depth > 8) return undefined;
    // Cycle guard: while it is being worked out, `$name` is unknown.
    this.globalCache.set(name, null);
    const values: StaticString[] = [];
    for (const template of templates) {
      const expanded = this.instantiate(template, () => undefined, depth + 1);
      if (!expanded || values.length + expanded.length > MAX_GLOBAL_VALUES) return undefined;
      values.push(...expanded);
    }
    const unique = [...new Map(values.map((value) => [JSON.stringify(value), value] as const)).values()];
    // Different values in different places: which one a request sees is not known here.
    if (unique.length !== 1) return undefined;
    this.globalCache.set(name, unique);
    return unique;
  }

  /**
   * A template's values with its parameters replaced by `argument(index)` and its globals by
   * their values; undefined when a part cannot be known or there would be too many values.
   */
  instantiate(template: PathTemplate, argument: (index: number) => StaticString | undefined, depth = 0): StaticString[] | undefined {
    let values: StaticString[] = [[]];
    for (const part of template) {
      let choices: readonly StaticString[] | undefined;
      if ('parameter' in part) {
        const value = argument(part.parameter);
        choices = value ? [value] : undefined;
      } else if ('global' in part) {
        choices = this.globalValues(part.global, depth);
      } else {
        choices = [[part]];
      }
      if (!choices || values.length * choices.length > MAX_GLOBAL_VALUES) return undefined;
      values = values.flatMap((value) => choices.map((choice) => [...value, ...choice]));
    }
    return values;
  }

  hasFunction(name: string): boolean {
    return this.functions.has(name);
  }

  /** Project classes named `name` (lower-case), fully qualified or under any namespace. */
  classesNamed(name: string): string[] {
    return [...this.classes.keys()].filter((cls) => cls === name || cls.endsWith(`\\${name}`));
  }

  hasClass(name: string): boolean {
    return this.classes.has(name);
  }

  parentOf(name: string): string | undefined {
    return this.classes.get(name)?.parent;
  }

  /** The class and the classes it extends, nearest first (lower-case names); a cycle of `extends` ends it. */
  ancestry(className: string): string[] {
    const classes: string[] = [];
    for (let current: string | undefined = className; current && !classes.includes(current); current = this.parentOf(current)) classes.push(current);
    return classes;
  }

  /** The type of `$obj->prop` for an object of class `className`, walking parent classes. */
  propertyType(className: string, property: string): string | undefined {
    for (const current of this.ancestry(className)) {
      const type = this.classes.get(current)?.properties.get(property);
      if (type) return type;
    }
    return undefined;
  }

  /**
   * The literal starts of the class names of the objects a class (or a parent) builds into
   * `$this->property` with `new $class(…)`, when it does.
   */
  propertyClassPrefixes(className: string, property: string): readonly string[] | undefined {
    for (const current of this.ancestry(className)) {
      const prefixes = this.classes.get(current)?.classPrefixes?.get(property);
      if (prefixes) return prefixes;
    }
    return undefined;
  }

  /** The call a class (or a parent) assigns to `$this->property`, when one is. */
  propertyCall(className: string, property: string): AssignedCall | undefined {
    for (const current of this.ancestry(className)) {
      const call = this.classes.get(current)?.propertyCalls?.get(property);
      if (call) return call;
    }
    return undefined;
  }

  /**
   * Whether project code declares `method` for objects of `className`: in the class, its
   * parents, or their traits. False means a call goes to a library parent (or nowhere).
   */
  hasMethod(className: string, method: string): boolean {
    const seen = new Set<string>();
    const visit = (name: string | undefined): boolean => {
      if (!name || seen.has(name)) return false;
      seen.add(name);
      const cls = this.classes.get(name);
      if (!cls) return false;
      return cls.methods.has(method) || cls.traits.some(visit) || visit(cls.parent);
    };
    return visit(className);
  }

  /** Whether a project class below `className` (a subclass, at any depth) declares `method` again. */
  overriddenBelow(className: string, method: string): boolean {
    for (const [name, cls] of this.classes) {
      if (name === className || !cls.methods.has(method)) continue;
      const seen = new Set<string>();
      for (let current = cls.parent; current && !seen.has(current); current = this.parentOf(current)) {
        if (current === className) return true;
        seen.add(current);
      }
    }
    return false;
  }

  /** By-reference parameter positions of a project function or method (none if unknown). */
  byRefParameters(target: { type: 'function'; name: string } | { type: 'method'; className: string; method: string }): readonly number[] {
    if (target.type === 'function') return this.functionByRef.get(target.name) ?? [];
    for (const current of this.ancestry(target.className)) {
      const cls = this.classes.get(current);
      if (cls?.methods.has(target.method)) return cls.byRef.get(target.method) ?? [];
    }
    return [];
  }

  /**
   * By-reference parameters of a project function or method (parents walked) that it leaves as
   * they were: none unless every declaration of the name is known to.
   */
  restoredReferences(target: { type: 'function'; name: string } | { type: 'method'; className: string; method: string }): readonly number[] {
    if (target.type === 'function') return this.restored.get(target.name) ?? [];
    const declaring = this.ancestry(target.className).find((current) => this.classes.get(current)?.methods.has(target.method));
    return declaring === undefined ? [] : (this.restored.get(`${declaring}::${target.method}`) ?? []);
  }

  functionReturnType(name: string): string | undefined {
    return this.functionReturns.get(name);
  }

  /** What `$obj->method()` returns for an object of `className`, through parents and traits. */
  methodReturnType(className: string, method: string): string | undefined {
    const seen = new Set<string>();
    const visit = (name: string | undefined): string | undefined => {
      if (!name || seen.has(name)) return undefined;
      seen.add(name);
      const cls = this.classes.get(name);
      if (!cls) return undefined;
      const own = cls.returns.get(method);
      if (own) return own === 'static' || own === 'self' ? className : own;
      for (const trait of cls.traits) {
        const fromTrait = visit(trait);
        if (fromTrait) return fromTrait;
      }
      return visit(cls.parent);
    };
    return visit(className);
  }

  traitsOf(className: string): readonly string[] {
    return this.classes.get(className)?.traits ?? [];
  }

  /**
   * Whether some file of the project may define the constant: a `define()` or `const` of that
   * name, or a `define()` whose name is an expression. A constant no file defines is left to
   * what runs the project from outside (a test suite's bootstrap, a wrapper script).
   */
  mayDefineConstant(name: string): boolean {
    return this.computedDefines || this.constant(name) !== undefined;
  }

  constant(name: string): StaticString | undefined {
    return this.constants.get(name) ?? this.constants.get(name.split('\\').pop() ?? name);
  }

  /** The project defines the constant with one value everywhere (not one per entry script). */
  constantHasOneValue(name: string): boolean {
    return this.constants.oneValue(name) || (!this.constants.get(name) && this.constants.oneValue(name.split('\\').pop() ?? name));
  }
}

/**
 * The value of each constant the project defines: the first definition, unless the analysis
 * cannot know it and every definition it cannot know is a fallback (`if (!defined('DOKU_INC'))
 * define('DOKU_INC', fullpath(…))` in DokuWiki's `inc/init.php`, which each entry script
 * defines before including it); then the first known definition, which runs before the fallback.
 */
export class ConstantTable {
  private readonly first = new Map<string, StaticString>();
  private readonly firstKnown = new Map<string, StaticString>();
  /** Constants the project's files define with different values (`SMF` is 1, `'SSI'` or `'BACKGROUND'`). */
  private readonly differing = new Set<string>();

  /** Constants some file defines unconditionally with a value the analysis cannot know. */
  private readonly unknownDefinitions = new Set<string>();

  add(file: Pick<FileSymbols, 'constants' | 'fallbackDefines'>): void {
    for (const [name, value] of file.constants) {
      const earlier = this.first.get(name);
      if (earlier !== undefined && JSON.stringify(earlier) !== JSON.stringify(value)) this.differing.add(name);
      if (!this.first.has(name)) this.first.set(name, value);
      if (!isUnknown(value)) {
        if (!this.firstKnown.has(name)) this.firstKnown.set(name, value);
      } else if (file.fallbackDefines?.includes(name) !== true) this.unknownDefinitions.add(name);
    }
  }

  /** Every file that defines the constant gives it the same value (as far as the first definition of each file shows). */
  oneValue(name: string): boolean {
    return this.first.has(name) && !this.differing.has(name);
  }

  get(name: string): StaticString | undefined {
    const first = this.first.get(name);
    if (first === undefined || !isUnknown(first) || this.unknownDefinitions.has(name)) return first;
    return this.firstKnown.get(name) ?? first;
  }
}

function sameShipped(a: ShippedValue, b: ShippedValue): boolean {
  if ('constant' in a || 'constant' in b) return 'constant' in a && 'constant' in b && a.constant === b.constant;
  return a.literal === b.literal;
}

/** `$CONF['encrypt']` → `encrypt`; undefined for a plain variable. */
function elementKey(key: string): string | undefined {
  const open = key.indexOf("['");
  return open === -1 || !key.endsWith("']") ? undefined : key.slice(open + 2, -2);
}

/** A value with a part the analysis cannot know (a call, a variable). */
function isUnknown(value: StaticString): boolean {
  return value.some((part) => 'unknown' in part);
}
