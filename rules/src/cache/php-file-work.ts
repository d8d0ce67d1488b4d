import type { PhpParser, ProjectSymbols } from '../../../core/src';
import type { AnalysisCache, CacheOwner } from './analysis-cache';
import { digestOf, hashOfFrozen, hashText } from './keys';
import { KeptTrees } from './kept-trees';
import type { LoweredUnits } from './lowered-units';
import {
  declarePhpText,
  lowerPhpText,
  projectSymbolsOf,
  type DeclaredPhp,
  type LoweredPhp,
  type LoweringInputs,
  type PhpText,
} from './php-file-results';

/**
 * Runs batches of per-file work elsewhere (worker threads: `rules/src/parallel/`) and waits for
 * them: the analysis stays synchronous. Results come back in the order of the files.
 */
export interface PhpWorkRunner {
  /** An entry left undefined (its worker failed) is computed in the calling thread. */
  declare(files: readonly PhpText[]): (DeclaredPhp | undefined)[];
  lower(files: readonly PhpText[], inputs: LoweringInputs): (LoweredPhp | undefined)[];
}

/** How much per-file work a run did, for the report's statistics and the benchmark. */
export interface FileWorkStats {
  /** Files parsed at least once in this run. */
  readonly parsed: number;
  /** Files whose every result came from the cache. */
  readonly fromCache: number;
}

/** Below this many files to compute, a batch runs in this thread: starting workers costs more. */
const MIN_BATCH_FOR_RUNNER = 64;

/**
 * Declarations and IR of PHP files, computed once per content: from the cache when it has
 * them (keyed by the file's path and text, the catalog, the project's declarations and the
 * tool and configuration `salt`), else parsed here or, for a batch, on the runner's threads.
 */
export class PhpFileWork {
  private readonly textHashes = new Map<string, { readonly text: string; readonly hash: string }>();
  private readonly parsedFiles = new Set<string>();
  private readonly cachedFiles = new Set<string>();
  /** Trees parsed here for the declarations, for the lowering here (one parse per file). */
  private readonly kept = new KeptTrees();

  constructor(
    private readonly parser: PhpParser,
    private readonly cache: AnalysisCache | undefined,
    private readonly runner: PhpWorkRunner | undefined,
    /** The tool's build and the configuration: a change of either misses every entry. */
    private readonly salt: string,
    /** Called after each file's result is known, for a progress display. */
    private readonly onFileDone?: (phase: 'declare' | 'lower', path: string) => void,
    /**
     * Called between units (lowered, or analysed by the flow): throws to stop the analysis
     * when its result is no longer wanted (the language server's newer text). Nothing half
     * done is cached: a unit's file is stored only once all of it is lowered.
     */
    readonly checkpoint?: () => void,
    /** The units of the latest lowering of recently edited files (a language server), reused unit by unit. */
    private readonly units?: LoweredUnits,
  ) {}

  get stats(): FileWorkStats {
    let fromCache = 0;
    for (const file of this.cachedFiles) if (!this.parsedFiles.has(file)) fromCache++;
    return { parsed: this.parsedFiles.size, fromCache };
  }

  declare(files: readonly PhpText[]): DeclaredPhp[] {
    const keys = files.map((file) => digestOf(['declare', this.salt, file.path, this.hashOf(file)]));
    return this.run('declare', files, keys, isDeclared, (misses) => {
      const remote = this.runner && misses.length >= MIN_BATCH_FOR_RUNNER ? this.runner.declare(misses) : [];
      return misses.map((file, i) => remote[i] ?? declarePhpText(this.parser, file, this.kept));
    });
  }

  /**
   * `symbolHashes`: the `symbolsHash` of each entry of `inputs.symbols`, in the same order;
   * `built`: the project index already made of them, for the files lowered in this thread.
   */
  lower(files: readonly PhpText[], inputs: LoweringInputs, symbolHashes: readonly string[] | undefined, built?: ProjectSymbols, ownSymbolHashes?: readonly (string | undefined)[]): LoweredPhp[] {
    const context = digestOf(['lower', this.salt, hashOfFrozen(inputs.catalog), symbolHashes === undefined ? 'alone' : digestOf(symbolHashes)]);
    const keys = files.map((file) => digestOf([context, file.path, this.hashOf(file)]));
    let symbols: ProjectSymbols | undefined; // made once, whether the misses come one by one or in a batch
    return this.run('lower', files, keys, isLowered, (misses) => {
      const remote = this.runner && misses.length >= MIN_BATCH_FOR_RUNNER ? this.runner.lower(misses, inputs) : [];
      const local = (file: PhpText): LoweredPhp => {
        symbols ??= inputs.symbols === undefined ? undefined : (built ?? projectSymbolsOf(inputs));
        // Alone (no project declarations), the file's own declarations are part of its units' context.
        const own = symbolHashes === undefined ? ownSymbolHashes?.[files.indexOf(file)] : '';
        const unitContext = own === undefined ? undefined : digestOf([context, own]);
        const reuse = unitContext === undefined ? undefined : this.units?.begin(file.path, unitContext);
        // Reused units are moved in place: what the cache was given of them is serialised first.
        if (reuse && reuse.earlier.size > 0) this.cache?.flush?.();
        if (!reuse) return lowerPhpText(this.parser, file, inputs.catalog, symbols, this.kept, this.checkpoint);
        try {
          const lowered = lowerPhpText(this.parser, file, inputs.catalog, symbols, this.kept, this.checkpoint, reuse);
          this.units!.keep(file.path, unitContext!, reuse);
          return lowered;
        } catch (error) {
          this.units!.forget(file.path);
          throw error;
        }
      };
      return misses.map((file, i) => remote[i] ?? local(file));
    });
  }

  /**
   * Cache hits first; the misses computed together, stored, and each file's result in order.
   * Each entry's owner is its phase and file under this configuration: the store keeps the
   * latest few versions of each file.
   */
  private run<T>(phase: 'declare' | 'lower', files: readonly PhpText[], keys: readonly string[], valid: (value: unknown) => value is T, compute: (misses: PhpText[]) => T[]): T[] {
    // With lowered units kept (a language server), a file's IR is recomputed from them cheaply.
    const recomputable = phase === 'lower' && this.units !== undefined;
    const owners: CacheOwner[] = files.map((file) => ({ name: digestOf([phase, this.salt, file.path]), ...(recomputable ? { recomputable } : {}) }));
    const results: (T | undefined)[] = keys.map((key, i) => {
      const hit = this.cache?.get(key, owners[i]);
      return hit !== undefined && valid(hit) ? hit : undefined;
    });
    const missing: number[] = [];
    results.forEach((result, i) => {
      if (result === undefined) missing.push(i);
      else {
        this.cachedFiles.add(files[i]!.path);
        this.onFileDone?.(phase, files[i]!.path);
      }
    });
    if (missing.length === 0) return results as T[];
    const store = (i: number, value: T) => {
      results[i] = value;
      this.parsedFiles.add(files[i]!.path);
      this.cache?.set(keys[i]!, value, owners[i]);
      this.onFileDone?.(phase, files[i]!.path);
    };
    if (this.runner && missing.length >= MIN_BATCH_FOR_RUNNER) {
      const computed = compute(missing.map((i) => files[i]!));
      missing.forEach((i, at) => store(i, computed[at]!));
    } else {
      // One file at a time, each stored as soon as it is known: an analysis stopped half-way
      // (the language server cancels one when a newer text arrives) keeps what it computed.
      for (const i of missing) store(i, compute([files[i]!])[0]!);
    }
    return results as T[];
  }

  private hashOf(file: PhpText): string {
    const known = this.textHashes.get(file.path);
    if (known && known.text === file.text) return known.hash;
    const hash = hashText(file.text);
    this.textHashes.set(file.path, { text: file.text, hash });
    return hash;
  }
}

// An entry read from a cache is checked for its shape: a store of another build or a damaged
// one must miss, not crash the analysis.
function isDeclared(value: unknown): value is DeclaredPhp {
  const v = value as DeclaredPhp;
  return typeof v === 'object' && v !== null && typeof v.symbolsHash === 'string' && typeof v.symbols === 'object' && Array.isArray(v.syntaxProblems);
}

function isLowered(value: unknown): value is LoweredPhp {
  const v = value as LoweredPhp;
  return typeof v === 'object' && v !== null && typeof v.ir === 'object' && v.ir !== null && Array.isArray(v.ir.units) && Array.isArray(v.problems);
}
