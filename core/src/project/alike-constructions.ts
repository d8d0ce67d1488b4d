import type { ClassPattern, ConstructorInputs } from './constructor-model';

/** What deciding whether constructions are alike needs from the project's symbols. */
export interface AlikeHost {
  /** The class's construction inputs: undefined when the project does not declare it, null when it reads what a request changes. */
  inputsOf(className: string): ConstructorInputs | null | undefined;
  /** Declared in several files: which one runs is not known. */
  isDuplicate(className: string): boolean;
  parentOf(className: string): string | undefined;
  hasFunction(name: string): boolean;
  hasClass(name: string): boolean;
  mayDefineConstant(name: string): boolean;
  classNames(): Iterable<string>;
}

/**
 * Whether every `new` of a class in one request builds an object with the same property
 * values (`lower/php/constructor-inputs.ts` says what one constructor reads): its constructor,
 * its parent's when it runs it, and those of the classes it builds read no state the request
 * changes, call no project function, and probe only names no project file declares (PHP's
 * functions, an installation's configuration class). A class no project file declares (the
 * configuration's, a library's left out of the run) counts as the environment. A cycle of
 * constructions proves nothing.
 */
export class AlikeConstructions {
  private readonly decided = new Map<string, boolean>();
  private readonly deciding = new Set<string>();

  constructor(private readonly host: AlikeHost) {}

  alike(className: string): boolean {
    const known = this.decided.get(className);
    if (known !== undefined) return known;
    if (this.deciding.has(className)) return false;
    this.deciding.add(className);
    const result = this.decide(className);
    this.deciding.delete(className);
    // Inside a cycle the class still being decided counts as not alike: kept either way, it
    // errs on the side of not deciding tests.
    this.decided.set(className, result);
    return result;
  }

  private decide(className: string): boolean {
    if (this.host.isDuplicate(className)) return false;
    const inputs = this.host.inputsOf(className);
    if (inputs === undefined) return !this.host.hasClass(className);
    if (inputs === null) return false;
    if (inputs.calls.some((candidates) => candidates.some((name) => this.host.hasFunction(name)))) return false;
    for (const probe of inputs.probes) {
      if (probe.kind === 'function' && this.host.hasFunction(probe.name.toLowerCase())) return false;
      if (probe.kind === 'class' && this.host.hasClass(probe.name)) return false;
      if (probe.kind === 'constant' && this.host.mayDefineConstant(probe.name)) return false;
    }
    const parent = this.host.parentOf(className);
    if (inputs.parent && parent && !this.alike(parent)) return false;
    return inputs.builds.every((pattern) => this.classesOf(pattern).every((built) => this.alike(built)));
  }

  /** The project classes a pattern may build; an exact name the project does not declare stands for itself. */
  private classesOf(pattern: ClassPattern): string[] {
    if ('exact' in pattern) return [pattern.exact];
    if (!('prefix' in pattern)) return [];
    const prefix = pattern.prefix;
    return [...this.host.classNames()].filter((name) => name.startsWith(prefix) || name.slice(name.lastIndexOf('\\') + 1).startsWith(prefix));
  }
}
