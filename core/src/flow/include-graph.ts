/**
 * Which files run together in one request, from the includes between them: what a file
 * includes (transitively), and every file of the requests that run it (the entry scripts
 * that reach it, with all they include). A function declared in several entry scripts
 * (`show_form()` in `add.php` and in `edit.php`, each its own request) is the one the
 * calling file can see in these sets, never another script's.
 */
export class IncludeGraph {
  private readonly forward = new Map<string, ReadonlySet<string>>();
  private reverse: Map<string, Set<string>> | undefined;
  private readonly requests = new Map<string, ReadonlySet<string>>();

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
    let known = this.forward.get(file);
    if (!known) {
      known = reach(file, (current) => this.direct(current));
      this.forward.set(file, known);
    }
    return known;
  }

  /**
   * Every file of the requests that run `file`: the files that include it (transitively)
   * and whatever those include. A file nobody includes is its own request.
   */
  requestFiles(file: string): ReadonlySet<string> {
    let known = this.requests.get(file);
    if (!known) {
      const includers = reach(file, (current) => [...(this.includers().get(current) ?? [])]);
      const files = new Set<string>();
      for (const includer of includers) for (const reached of this.closure(includer)) files.add(reached);
      known = files;
      this.requests.set(file, known);
    }
    return known;
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

/** `start` and everything `next` leads to from it. */
function reach(start: string, next: (file: string) => readonly string[]): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const file of next(queue[i]!)) {
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(file);
    }
  }
  return seen;
}
