import * as ts from 'typescript';

/** A kept tree: the text it was parsed from, and what `parseTypeScript` returned for it. */
interface KeptTsTree<Parsed> {
  readonly text: string;
  readonly parsed: Parsed;
  /** Parsed before with another text: a document being typed in. */
  readonly edited: boolean;
}

/**
 * The latest TypeScript/JavaScript syntax tree of the last few files parsed by path (the
 * documents an editor is changing), as `RecentTrees` does for PHP: the same text asked again
 * (the lowering, then the fixes' edit sites) is parsed once, and a changed text is re-parsed
 * incrementally with the compiler's own `ts.updateSourceFile` (what its language service does on
 * every keystroke: the statements the edit did not touch are reused), the edit being the text
 * between the two texts' common start and common end. Only a language server keeps them
 * (`keepRecentTsTrees`): the CLI parses each file once anyway.
 *
 * A tree with syntax errors (before or after) is parsed again from scratch: the parser's error
 * recovery may differ between an incremental and a full parse, and the analysis must not depend
 * on which one ran (an edit's findings are those of a fresh analysis of the same text).
 * `ts.updateSourceFile` reuses the nodes of the previous tree: that tree is forgotten here and
 * nothing else keeps it (the lowering's IR holds no syntax node).
 */
export class RecentTsTrees<Parsed extends { readonly source: ts.SourceFile; readonly problems: readonly unknown[] }> {
  /**
   * By path, the least recently used first. A file parsed once (the other modules of a
   * workspace, lowered again with the edited one) goes before one being typed in, so a
   * workspace of many files does not push the edited document out.
   */
  private readonly files = new Map<string, KeptTsTree<Parsed>>();

  constructor(private readonly limit: number) {}

  /** The tree kept for exactly this text of the file, if any (the fixes' edit sites read it). */
  same(path: string, text: string): ts.SourceFile | undefined {
    const kept = this.files.get(path);
    return kept?.text === text ? kept.parsed.source : undefined;
  }

  /**
   * `text` parsed: the kept tree when the text is the same, else `update` from the previous
   * tree of the file (incremental) when both are free of syntax errors, else `fresh`.
   */
  parse(path: string, text: string, fresh: () => Parsed, update: (previous: ts.SourceFile, change: ts.TextChangeRange) => Parsed): Parsed {
    const kept = this.files.get(path);
    if (kept) {
      this.files.delete(path); // re-inserted below: the map's order is the order of last use
      if (kept.text === text) {
        this.files.set(path, kept);
        return kept.parsed;
      }
    }
    let parsed: Parsed | undefined;
    if (kept && kept.parsed.problems.length === 0 && kept.parsed.source.text === kept.text) {
      parsed = update(kept.parsed.source, changeBetween(kept.text, text));
      if (parsed.problems.length > 0) parsed = undefined;
    }
    parsed ??= fresh();
    this.files.set(path, { text, parsed, edited: kept !== undefined });
    while (this.files.size > this.limit) {
      let evicted: string | undefined;
      for (const [kept, entry] of this.files) {
        if (!entry.edited && kept !== path) {
          evicted = kept;
          break;
        }
      }
      this.files.delete(evicted ?? this.files.keys().next().value!);
    }
    return parsed;
  }

  clear(): void {
    this.files.clear();
  }
}

/** The one change that turns `before` into `after`: the text between their common start and common end. */
export function changeBetween(before: string, after: string): ts.TextChangeRange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return ts.createTextChangeRange(ts.createTextSpan(start, before.length - end - start), after.length - end - start);
}
