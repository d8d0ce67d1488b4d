import type { UnitReuse } from '../../../core/src';

/** Files whose units are kept: the documents typed in lately (as the parser's kept trees). */
const KEPT_FILES = 8;

/**
 * The units of the latest lowering of the last few files lowered (a language server's
 * documents being typed in), for the next lowering of each: a unit whose statement did not
 * change is taken as it was, so an edit lowers again only the units it touched (and the
 * file's top level). Kept per file with the context it was lowered in (the catalog, the
 * project's declarations, the options: `PhpFileWork`'s key without the text); another context
 * reuses nothing. The units are shared with the analyses that read them, which never change
 * their IR (as the cache's entries, handed out before they are serialised).
 */
export class LoweredUnits {
  private readonly files = new Map<string, { readonly context: string; readonly units: UnitReuse['now'] }>();

  constructor(private readonly keptFiles = KEPT_FILES) {}

  /** What a lowering of `path` in `context` may reuse, and fills for the next one. */
  begin(path: string, context: string): UnitReuse {
    const kept = this.files.get(path);
    return { earlier: kept?.context === context ? kept.units : new Map(), now: new Map() };
  }

  /**
   * The lowering of `path` stopped half-way (a newer text): the units it had moved no longer
   * sit where their statement was kept, so nothing of the file is reused next time.
   */
  forget(path: string): void {
    this.files.delete(path);
  }

  /** The lowering finished: its units are the ones the next lowering of `path` reuses. */
  keep(path: string, context: string, reuse: UnitReuse): void {
    this.files.delete(path); // re-inserted last: the map's order is the order of use
    this.files.set(path, { context, units: reuse.now });
    while (this.files.size > this.keptFiles) this.files.delete(this.files.keys().next().value!);
  }
}
