import { ReachableUnion } from './reachable';

/**
 * Which files run together in one request, from the includes between them: what a file
 * includes (transitively), and every file of the requests that run it (the entry scripts
 * that reach it, with all they include). A function declared in several entry scripts
 * (`show_form()` in `add.php` and in `edit.php`, each its own request) is the one the
 * calling file can see in these sets, never another script's.
 */
export class IncludeGraph {
  private reverse: Map<string, Set<string>> | undefined;
  /** What each file includes, transitively (files in a cycle of includes share one set). */
  private readonly forward = new ReachableUnion<string, string>(
    (file) => this.direct(file),
    (file) => new Set([file]),
  );
  /** The files that include each file, transitively (the same, backwards). */
  private readonly backward = new ReachableUnion<string, string>(
    (file) => this.includers().get(file) ?? [],
    (file) => new Set([file]),
  );

  /**
   * `files`: every file (normalized path); `includesOf`: the files a file's includes may
   * reach, asked once per file.
   */
  constructor(
    private readonly files: readonly string[],
    private readonly includesOf: (file: string) => readonly string[],
  ) {}

  /** The file and every file it includes, transitively. */
  closure(file: string): ReadonlySet<string> {
    return this.forward.of(file) as ReadonlySet<string>;
  }

  /**
   * Whether one request runs both files: some file includes both (transitively; a file
   * includes itself), so `other` is among the files of the requests that run `file`. Asked
   * per declaration a call could see, it intersects the two sets of includers (each computed
   * once per cycle of includes) instead of building every file of those requests, which on
   * WordPress (a bootstrap that reaches nearly every file) made each call's answer as large as
   * the project (issue 12).
   */
  inOneRequest(file: string, other: string): boolean {
    const includers = this.backward.of(file) as ReadonlySet<string>;
    const otherIncluders = this.backward.of(other) as ReadonlySet<string>;
    const [fewer, more] = includers.size <= otherIncluders.size ? [includers, otherIncluders] : [otherIncluders, includers];
    for (const includer of fewer) if (more.has(includer)) return true;
    return false;
  }

  /** Files expanded by the searches so far (each at most once per direction): the work done. */
  get searchWork(): number {
    return this.forward.expanded + this.backward.expanded;
  }

  /** True when another file includes this one. */
  isIncluded(file: string): boolean {
    return [...(this.includers().get(file) ?? [])].some((includer) => includer !== file);
  }

  private readonly directCache = new Map<string, readonly string[]>();

  private direct(file: string): readonly string[] {
    let known = this.directCache.get(file);
    if (!known) {
      known = this.includesOf(file);
      this.directCache.set(file, known);
    }
    return known;
  }

  private includers(): Map<string, Set<string>> {
    if (!this.reverse) {
      this.reverse = new Map();
      for (const file of this.files) {
        for (const target of this.direct(file)) {
          let set = this.reverse.get(target);
          if (!set) {
            set = new Set();
            this.reverse.set(target, set);
          }
          set.add(file);
        }
      }
    }
    return this.reverse;
  }
}
