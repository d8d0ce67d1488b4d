import { truthy, type Literal } from '../ir/predicate-shape';
import type { ClassPattern, ClassProperties, Construction, ConstructorModel, ConstructorStep, ValueExpr } from './constructor-model';

/**
 * The values a property of a project class (or a key of an array property) can hold in the
 * class's methods, when the code fixes them: `$this->options = array('image_library' => 1, …)`
 * in the constructor, merged with the constructor's `$options` argument, and every `new` of
 * the class (or of a subclass) in the project passes options without that key. Then
 * `if ($this->options['image_library'] === 2)` is decided the way a parameter's literal
 * default decides a test of the parameter.
 *
 * Nothing is decided when the project does not show every way the value is set: a write of
 * the property outside the constructor (by the class's family for a protected or private
 * property, by any code for a public one), a `new` that may build the class with arguments
 * the model cannot read (a computed class name whose literal prefix can name the class counts),
 * a constructor the model cannot follow, a class declared twice, or no `new` of the class at
 * all (it is then built outside the project).
 *
 * A `new` whose class the analysis cannot name at all (`new $handlers[$suffix]($folder)`, a
 * class name passed in as a parameter) builds nothing here, as an unresolved call does nothing
 * in the flow: counting it as a `new` of every class would let one factory anywhere in the
 * project undo every decision (precision first).
 */

/** An abstract value: some literals, an array with known keys, objects of known classes, or unknown. */
type Value =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'literals'; readonly values: readonly Literal[] }
  | { readonly kind: 'array'; readonly entries: ReadonlyMap<string, Value>; readonly open: boolean; readonly elements: boolean }
  /**
   * Objects of these project classes (`new Finder(…)` passed to a constructor), or held by
   * these properties of a caller (`held`: `class\0property` keys, `$this->client` passed to a
   * constructor), whose classes `objectClass` works out.
   */
  | { readonly kind: 'objects'; readonly classes: readonly string[]; readonly held?: readonly string[] };

const UNKNOWN: Value = { kind: 'unknown' };
const NULL: Value = { kind: 'literals', values: [null] };
/** Past this many literals a value is unknown. */
const MAX_LITERALS = 8;
/** Callers' properties followed at most to tell the class of one property (`objectClasses`). */
const MAX_HOLDERS = 64;
/** Nested `parent::__construct()` calls followed at most. */
const MAX_PARENTS = 8;

function literals(values: readonly Literal[]): Value {
  const unique = [...new Set(values)];
  return unique.length > MAX_LITERALS ? UNKNOWN : { kind: 'literals', values: unique };
}

function objects(classes: readonly string[], held: readonly string[] = []): Value {
  const unique = [...new Set(classes)];
  const holders = [...new Set(held)];
  if (unique.length + holders.length > MAX_LITERALS) return UNKNOWN;
  return holders.length > 0 ? { kind: 'objects', classes: unique, held: holders } : { kind: 'objects', classes: unique };
}

/** The key of a caller's property in `held`. */
function holderKey(className: string, property: string): string {
  return `${className}\0${property}`;
}

function join(a: Value, b: Value): Value {
  if (a.kind === 'unknown' || b.kind === 'unknown') return UNKNOWN;
  if (a.kind === 'literals' && b.kind === 'literals') return literals([...a.values, ...b.values]);
  if (a.kind === 'objects' && b.kind === 'objects') return objects([...a.classes, ...b.classes], [...(a.held ?? []), ...(b.held ?? [])]);
  if (a.kind === 'array' && b.kind === 'array') {
    const entries = new Map<string, Value>();
    for (const key of new Set([...a.entries.keys(), ...b.entries.keys()])) {
      entries.set(key, join(keyOf(a, key), keyOf(b, key)));
    }
    return { kind: 'array', entries, open: a.open || b.open, elements: a.elements && b.elements };
  }
  return UNKNOWN;
}

/** `$array['key']`: a missing key reads as null. */
function keyOf(value: Value, key: string): Value {
  if (value.kind === 'array') return value.entries.get(key) ?? (value.open ? UNKNOWN : NULL);
  if (value.kind === 'literals' && value.values.every((v) => v === null)) return NULL;
  return UNKNOWN;
}

/** PHP's truthiness of the value, when every possibility agrees. */
function truth(value: Value): boolean | undefined {
  if (value.kind === 'literals') {
    const all = value.values.map(truthy);
    return all.every((t) => t === all[0]) ? all[0] : undefined;
  }
  if (value.kind === 'array') return value.entries.size > 0 || value.elements ? true : value.open ? undefined : false;
  // A caller's property may not be set yet (null) when it is passed.
  if (value.kind === 'objects') return value.held ? undefined : true;
  return undefined;
}

function boolValue(value: boolean | undefined): Value {
  return value === undefined ? literals([true, false]) : literals([value]);
}

/** `$base + $other` (left wins) or `array_replace($base, $other)` (right wins). */
function union(left: Value, right: Value, winner: 'left' | 'right', recursive: boolean): Value {
  if (left.kind !== 'array' || right.kind !== 'array') return UNKNOWN;
  const [first, second] = winner === 'left' ? [left, right] : [right, left];
  const entries = new Map<string, Value>();
  for (const [key, value] of second.entries) entries.set(key, first.open && !first.entries.has(key) ? UNKNOWN : value);
  for (const [key, value] of first.entries) {
    const other = second.entries.get(key);
    // Two arrays merged recursively mix their keys: not followed.
    entries.set(key, recursive && other && (other.kind !== 'literals' || value.kind !== 'literals') ? UNKNOWN : value);
  }
  return { kind: 'array', entries, open: left.open || right.open, elements: left.elements || right.elements };
}

interface Frame {
  readonly args: readonly Value[];
  readonly defaults: readonly (ValueExpr | null)[];
  readonly object: Map<string, Value>;
}

function evaluate(expr: ValueExpr, frame: Frame | undefined): Value {
  if ('literal' in expr) return literals([expr.literal]);
  if ('object' in expr) return objects([expr.object]);
  if ('callerProperty' in expr) return objects([], [holderKey(expr.heldBy, expr.callerProperty)]);
  if ('array' in expr) {
    const entries = new Map<string, Value>(expr.array.map(([key, value]) => [key, evaluate(value, frame)] as const));
    return { kind: 'array', entries, open: expr.open === true, elements: expr.elements === true };
  }
  if ('parameter' in expr) {
    if (!frame) return UNKNOWN;
    if (expr.parameter < frame.args.length) return frame.args[expr.parameter]!;
    const fallback = frame.defaults[expr.parameter];
    return fallback ? evaluate(fallback, undefined) : UNKNOWN;
  }
  if ('property' in expr) {
    const value = frame?.object.get(expr.property) ?? UNKNOWN;
    return expr.key === undefined ? value : keyOf(value, expr.key);
  }
  if ('union' in expr) return union(evaluate(expr.union[0], frame), evaluate(expr.union[1], frame), expr.winner, expr.recursive === true);
  if ('not' in expr) {
    const inner = truth(evaluate(expr.not, frame));
    return boolValue(inner === undefined ? undefined : !inner);
  }
  if ('bool' in expr) return boolValue(truth(evaluate(expr.bool, frame)));
  if ('isset' in expr) {
    const inner = evaluate(expr.isset, frame);
    if (inner.kind === 'array' || (inner.kind === 'objects' && !inner.held)) return literals([true]);
    if (inner.kind === 'literals') return boolValue(inner.values.every((v) => v !== null) ? true : inner.values.every((v) => v === null) ? false : undefined);
    return boolValue(undefined);
  }
  return UNKNOWN;
}

export interface ClassFacts {
  readonly parent?: string;
  readonly traits: readonly string[];
  readonly properties?: ClassProperties;
}

export class ConstructedValues {
  private readonly children = new Map<string, string[]>();
  private readonly cache = new Map<string, readonly Literal[] | null>();
  private readonly classCache = new Map<string, string | null>();
  /** Property (or `*`, `*public`) → the classes whose code writes it outside the constructor model. */
  private readonly writers = new Map<string, string[]>();
  /** The constructions that name their class (`new Foo`), by that class. */
  private readonly byClass = new Map<string, Construction[]>();
  /** The constructions that may build several classes (a literal prefix, `new static`). */
  private readonly open: Construction[] = [];
  /** `new` → class built → the object it leaves (null: not followed), shared by every query. */
  private readonly objects = new Map<Construction, Map<string, ReadonlyMap<string, Value> | null>>();

  constructor(
    private readonly classes: ReadonlyMap<string, ClassFacts>,
    /** Classes declared in more than one file: which one runs is not known. */
    private readonly duplicates: ReadonlySet<string>,
    constructions: readonly Construction[],
    /** Properties written by code outside any class (functions, files' top levels). */
    private readonly looseWrites: ReadonlySet<string>,
    /**
     * The class the project's declarations give a property of a class (a declared type, or
     * `$this->client = new SoapClient(…)` in one of its methods), for a caller's property
     * passed to a constructor.
     */
    private readonly declaredClass: (className: string, property: string) => string | undefined = () => undefined,
  ) {
    // Indexed once, so that a query looks at the classes and `new`s that concern it only.
    for (const [name, facts] of classes) {
      if (facts.parent) push(this.children, facts.parent, name);
      for (const property of new Set(facts.properties?.writes ?? [])) push(this.writers, property, name);
    }
    for (const construction of constructions) {
      if (construction.builds.some((pattern) => 'any' in pattern)) continue; // unresolved: see above
      const exact = construction.builds.every((pattern) => 'exact' in pattern);
      if (!exact) this.open.push(construction);
      else for (const name of new Set(construction.builds.map((pattern) => ('exact' in pattern ? pattern.exact : '')))) push(this.byClass, name, construction);
    }
  }

  /**
   * The literals `$this->property` (or `$this->property[key]`) may hold in a method of
   * `className` (not its constructor), or undefined when the project does not fix them.
   */
  values(className: string, property: string, key?: string): readonly Literal[] | undefined {
    const id = `${className}\0${property}\0${key ?? ''}`;
    if (!this.cache.has(id)) this.cache.set(id, this.compute(className, property, key) ?? null);
    return this.cache.get(id) ?? undefined;
  }

  /**
   * The one project class whose object `$this->property` holds in a method of `className` (not
   * its constructor), when every `new` of the class passes one built with a named class
   * (`new Connector(new Finder($opts))` and `$this->finder = $finder` in the constructor).
   */
  objectClass(className: string, property: string): string | undefined {
    const id = `${className}\0${property}\0class`;
    if (!this.classCache.has(id)) {
      const classes = this.objectClasses(className, property);
      this.classCache.set(id, classes?.size === 1 ? [...classes][0]! : null);
    }
    return this.classCache.get(id) ?? undefined;
  }

  /**
   * The classes of the objects `$this->property` may hold in a method of `className`: those the
   * `new`s pass by name, and for a caller's property passed on (`new IWebsessionManager(
   * $this->client)`), its declared class, else (a property itself filled from a constructor
   * argument: `new IVirtualBox($this->connection, …)` inside another wrapper) the classes the
   * `new`s of the caller's class pass, followed the same way. The properties so reached are
   * followed once each (a cycle of wrappers building each other adds nothing), at most
   * `MAX_HOLDERS` of them, and every one must be told, else nothing is: the answer depends only
   * on the project, never on what was asked before.
   */
  private objectClasses(className: string, property: string): Set<string> | undefined {
    const classes = new Set<string>();
    const seen = new Set<string>([holderKey(className, property)]);
    const pending: [string, string][] = [[className, property]];
    while (pending.length > 0) {
      const [owner, name] = pending.pop()!;
      const found = this.held(owner, name, undefined);
      if (!found || !found.every((value) => value.kind === 'objects')) return undefined;
      for (const value of found) {
        if (value.kind !== 'objects') continue;
        for (const one of value.classes) classes.add(one);
        for (const key of value.held ?? []) {
          const [holder, held] = key.split('\0') as [string, string];
          const declared = this.declaredClass(holder, held);
          if (declared !== undefined) classes.add(declared);
          else if (!seen.has(key)) {
            seen.add(key);
            if (seen.size > MAX_HOLDERS) return undefined;
            pending.push([holder, held]);
          }
        }
      }
      if (classes.size > MAX_LITERALS) return undefined;
    }
    return classes.size > 0 ? classes : undefined;
  }

  private compute(className: string, property: string, key: string | undefined): readonly Literal[] | undefined {
    const found = this.held(className, property, key);
    if (!found || !found.every((value) => value.kind === 'literals')) return undefined;
    const unique = [...new Set(found.flatMap((value) => (value.kind === 'literals' ? value.values : [])))];
    return unique.length > MAX_LITERALS ? undefined : unique;
  }

  /**
   * What the property holds once each `new` that may build the class (or a subclass) returns,
   * one value per such `new`; undefined when one cannot be told or none names the class.
   */
  private held(className: string, property: string, key: string | undefined): Value[] | undefined {
    if (!this.classes.has(className)) return undefined;
    const built = [className, ...this.descendants(className)];
    if (built.some((name) => this.duplicates.has(name))) return undefined;
    if (this.writtenElsewhere(className, built, property)) return undefined;
    let explicit = false;
    const found: Value[] = [];
    for (const name of built) {
      for (const construction of [...(this.byClass.get(name) ?? []), ...this.open]) {
        if (!construction.builds.some((pattern) => this.matches(pattern, name))) continue;
        if (construction.builds.some((pattern) => 'exact' in pattern)) explicit = true;
        const object = this.built(construction, name);
        if (!object) return undefined;
        const value = key === undefined ? (object.get(property) ?? NULL) : keyOf(object.get(property) ?? NULL, key);
        if (value.kind === 'unknown' || value.kind === 'array') return undefined;
        found.push(value);
      }
    }
    return explicit ? found : undefined;
  }

  private descendants(className: string): string[] {
    const out: string[] = [];
    const stack = [...(this.children.get(className) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (out.includes(next)) continue;
      out.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return out;
  }

  private ancestors(className: string): string[] {
    const out: string[] = [];
    for (let at = this.classes.get(className)?.parent; at && !out.includes(at); at = this.classes.get(at)?.parent) out.push(at);
    return out;
  }

  /** Declared protected or private in the class or an ancestor (then only the family can write it). */
  private visibility(className: string, property: string): 'public' | 'protected' | 'private' {
    for (const name of [className, ...this.ancestors(className)]) {
      const declared = this.classes.get(name)?.properties?.declared.get(property);
      if (declared) return declared.visibility;
    }
    return 'public';
  }

  private writtenElsewhere(className: string, built: readonly string[], property: string): boolean {
    const shared = this.visibility(className, property) !== 'public';
    // `*public`: a computed name on another object than `$this`, which counts against public properties only.
    const names = shared ? [property, '*'] : [property, '*', '*public'];
    if (!shared) return names.some((name) => this.looseWrites.has(name) || (this.writers.get(name)?.length ?? 0) > 0);
    const family = new Set([...built, ...this.ancestors(className)]);
    for (const name of [...family]) for (const trait of this.classes.get(name)?.traits ?? []) family.add(trait);
    return names.some((name) => (this.writers.get(name) ?? []).some((writer) => family.has(writer)));
  }

  private matches(pattern: ClassPattern, name: string): boolean {
    if ('any' in pattern) return false; // never indexed
    if ('exact' in pattern) return pattern.exact === name;
    if ('family' in pattern) return pattern.family === name || this.ancestors(name).includes(pattern.family);
    const short = name.slice(name.lastIndexOf('\\') + 1);
    return name.startsWith(pattern.prefix) || short.startsWith(pattern.prefix);
  }

  private built(construction: Construction, name: string): ReadonlyMap<string, Value> | undefined {
    let byName = this.objects.get(construction);
    if (!byName) this.objects.set(construction, (byName = new Map()));
    if (!byName.has(name)) byName.set(name, this.construct(name, construction.args) ?? null);
    return byName.get(name) ?? undefined;
  }

  /** The object's properties once `new name(args)` returns; undefined when the model cannot tell. */
  private construct(name: string, args: readonly ValueExpr[] | null): Map<string, Value> | undefined {
    if (!args) return undefined;
    const object = new Map<string, Value>();
    // Declared defaults, the class's own over its ancestors'.
    for (const ancestor of [name, ...this.ancestors(name)].reverse()) {
      for (const [property, declared] of this.classes.get(ancestor)?.properties?.declared ?? []) object.set(property, evaluate(declared.value, undefined));
    }
    const values = args.map((arg) => evaluate(arg, undefined));
    return this.runConstructor(name, values, object, 0) ? object : undefined;
  }

  /** Runs the constructor `name` has (its own or inherited) on `object`; false when it cannot be followed. */
  private runConstructor(name: string, args: readonly Value[], object: Map<string, Value>, depth: number): boolean {
    if (depth > MAX_PARENTS) return false;
    for (const owner of [name, ...this.ancestors(name)]) {
      const facts = this.classes.get(owner);
      if (!facts) return false; // a class outside the project: its constructor is not known
      if (facts.properties?.oldStyleConstructor) return false;
      const model = facts.properties?.constructorModel;
      if (model) return this.run(owner, model, args, object, depth);
    }
    return true;
  }

  private run(owner: string, model: ConstructorModel, args: readonly Value[], object: Map<string, Value>, depth: number): boolean {
    if (!model.steps) return false;
    const frame: Frame = { args, defaults: model.defaults, object };
    return this.steps(owner, model.steps, frame, depth);
  }

  private steps(owner: string, steps: readonly ConstructorStep[], frame: Frame, depth: number): boolean {
    for (const step of steps) {
      if ('set' in step) frame.object.set(step.set, evaluate(step.value, frame));
      else if ('parentArgs' in step) {
        const parent = this.classes.get(owner)?.parent;
        if (!parent) return false;
        if (!this.runConstructor(parent, step.parentArgs.map((arg) => evaluate(arg, frame)), frame.object, depth + 1)) return false;
      } else {
        const decided = truth(evaluate(step.when, frame));
        if (decided !== undefined) {
          if (!this.steps(owner, decided ? step.then : step.otherwise, frame, depth)) return false;
          continue;
        }
        const thenObject = new Map(frame.object);
        const elseObject = new Map(frame.object);
        if (!this.steps(owner, step.then, { ...frame, object: thenObject }, depth)) return false;
        if (!this.steps(owner, step.otherwise, { ...frame, object: elseObject }, depth)) return false;
        for (const property of new Set([...thenObject.keys(), ...elseObject.keys()])) {
          frame.object.set(property, join(thenObject.get(property) ?? NULL, elseObject.get(property) ?? NULL));
        }
      }
    }
    return true;
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
