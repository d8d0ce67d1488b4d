import { truthy } from '../ir/predicate-shape';
import type { Literal } from '../ir/predicate-shape';
import type { TruthyWhen } from '../lower/php/truthy-strings';

/** What deciding a `TruthyWhen` needs from the rest of the project's symbols. */
export interface TruthyHost {
  constantLiteral(name: string): Literal | undefined;
  constantHasOneValue(name: string): boolean;
  hasFunction(name: string): boolean;
  ancestry(className: string): string[];
}

/** What one file declares, as far as return values go. */
export interface TruthyDeclarations {
  readonly functions: readonly string[];
  readonly classes: readonly { readonly name: string; readonly methods: ReadonlySet<string> }[];
  readonly truthyStringFunctions?: ReadonlyMap<string, TruthyWhen | null>;
}

/**
 * Which project functions and methods return, on every path, a string PHP reads as true
 * (`lower/php/truthy-strings.ts`), following the calls and constants a return is built from
 * across files. Every declaration of a name counts (a function declared in several files, a
 * method and its overrides), and one the file did not model (an abstract method, a return of
 * anything else) makes the name unknown. A cycle of returns proves nothing.
 */
export class TruthyReturns {
  /** Function, or `class::method` → each declaration's condition (null: returns something else). */
  private readonly declared = new Map<string, (TruthyWhen | null)[]>();
  /** Lower-case method → the classes declaring it. */
  private readonly declaringClasses = new Map<string, string[]>();
  private readonly decided = new Map<string, boolean>();
  private readonly deciding = new Set<string>();

  constructor(private readonly host: TruthyHost) {}

  add(file: TruthyDeclarations): void {
    const models = file.truthyStringFunctions;
    for (const name of file.functions) this.declare(name, models?.get(name) ?? null);
    for (const cls of file.classes) {
      for (const method of cls.methods) {
        this.declare(`${cls.name}::${method}`, models?.get(`${cls.name}::${method}`) ?? null);
        const classes = this.declaringClasses.get(method);
        if (!classes) this.declaringClasses.set(method, [cls.name]);
        else if (!classes.includes(cls.name)) classes.push(cls.name);
      }
    }
  }

  /** Whether the value is a string PHP reads as true, whatever path the project takes. */
  isTruthy(when: TruthyWhen): boolean {
    if (when === true) return true;
    if ('any' in when) return when.any.some((part) => this.isTruthy(part));
    if ('all' in when) return when.all.every((part) => this.isTruthy(part));
    if ('constant' in when) {
      const value = this.host.constantHasOneValue(when.constant) ? this.host.constantLiteral(when.constant) : undefined;
      return typeof value === 'string' && truthy(value);
    }
    if ('functions' in when) {
      const name = when.functions.find((candidate) => this.host.hasFunction(candidate));
      return name !== undefined && this.returnsTruthy(name);
    }
    const implementations = this.implementations(when.method, when.className);
    return implementations.length > 0 && implementations.every((cls) => this.returnsTruthy(`${cls}::${when.method}`));
  }

  /**
   * The classes whose `method` may run: for a known class, the one its ancestry runs and every
   * subclass's override; for an unknown receiver, every class declaring it.
   */
  private implementations(method: string, className: string | undefined): string[] {
    const declaring = this.declaringClasses.get(method) ?? [];
    if (className === undefined) return declaring;
    const inherited = this.host.ancestry(className).find((cls) => declaring.includes(cls));
    // Declared nowhere in the class's project ancestry: a library parent or a trait runs it.
    if (inherited === undefined) return [];
    const overrides = declaring.filter((cls) => cls !== inherited && this.host.ancestry(cls).includes(className));
    return [inherited, ...overrides];
  }

  private returnsTruthy(key: string): boolean {
    const known = this.decided.get(key);
    if (known !== undefined) return known;
    if (this.deciding.has(key)) return false;
    this.deciding.add(key);
    const declarations = this.declared.get(key) ?? [];
    const result = declarations.length > 0 && declarations.every((when) => when !== null && this.isTruthy(when));
    this.deciding.delete(key);
    // Inside a cycle the key still being decided counts as false, which can only turn a
    // result false: kept either way, it errs on the side of the finding.
    this.decided.set(key, result);
    return result;
  }

  private declare(key: string, when: TruthyWhen | null): void {
    const list = this.declared.get(key);
    if (list) list.push(when);
    else this.declared.set(key, [when]);
  }
}
