import type { CallTarget } from '../ir/effects';
import type { FileIR, Unit } from '../ir/unit';

/** Maps a call to the project code it may run. Unresolvable calls map to nothing. */
export interface CallResolver {
  resolve(target: CallTarget, from: Unit): readonly Unit[];
}

/**
 * Resolves calls to functions and methods of the same file: plain functions, `$this->`,
 * `self::`, `static::`, `parent::`, `Foo::` and `new Foo` (its constructor), walking the
 * parent classes declared in the file. A project-wide index replaces it later.
 */
export class SameFileResolver implements CallResolver {
  private readonly functions = new Map<string, Unit>();
  private readonly methods = new Map<string, Unit>();
  private readonly parents = new Map<string, string>();

  constructor(files: readonly FileIR[]) {
    for (const file of files) {
      for (const cls of file.classes) if (cls.parent) this.parents.set(cls.name, cls.parent);
      for (const unit of file.units) {
        // The first declaration wins, as PHP would refuse a second one at run time.
        if (unit.kind === 'function' && unit.qualifiedName && !this.functions.has(unit.qualifiedName)) {
          this.functions.set(unit.qualifiedName, unit);
        } else if (unit.kind === 'method' && unit.className && unit.qualifiedName) {
          const key = `${unit.className}::${unit.qualifiedName}`;
          if (!this.methods.has(key)) this.methods.set(key, unit);
        }
      }
    }
  }

  resolve(target: CallTarget): readonly Unit[] {
    switch (target.type) {
      case 'function':
        for (const candidate of target.candidates) {
          const unit = this.functions.get(candidate);
          if (unit) return [unit];
        }
        return [];
      case 'method': {
        const seen = new Set<string>();
        let current: string | undefined = target.className;
        while (current && !seen.has(current)) {
          seen.add(current);
          const unit = this.methods.get(`${current}::${target.method}`);
          if (unit) return [unit];
          current = this.parents.get(current);
        }
        return [];
      }
      default:
        return [];
    }
  }
}
