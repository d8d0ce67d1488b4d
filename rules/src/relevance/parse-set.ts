import type { FileSymbols } from '../../../core/src';
import { scanPhpBytes, type ScannedPhp } from './byte-scan';

/**
 * Which of a project's PHP files must be parsed (issue 12: relevance first, parse on demand).
 * A file is parsed when the scan of its bytes cannot rule it out:
 *
 * - a *root*: it mentions a name that can start, end, use or write a resource (`RootNames`),
 *   matches an entry point, or is `unsure` (a declaration, include, `new` or property name the
 *   scan cannot read);
 * - *reached*: a parsed file writes a name it may declare (a function, class, constant; a
 *   variable it may assign that a parsed file shares through `global`, `$GLOBALS` or `$x->`,
 *   or under a key a parsed file writes; every assignment of a variable a parsed file uses
 *   in an include's path, or shares and reads under a computed key);
 * - *reaching*: it writes a name a parsed file declares (a function or class, as its
 *   declarations say; a method or property after `->` or `::`) or includes a parsed file by
 *   its name: its calls, `new`s, subclasses, writes and includes change what the parsed file's
 *   code is entered with, or may be part of a finding. (A constant's users are not reaching:
 *   reading it changes nothing of the code that defines it.)
 *
 * Each file a parse adds sends its names round again, to a fixpoint. The scan narrows only
 * what gets parsed: the analysis of the parsed files is the same as of the whole project
 * (`rules/test/on-demand-parity.test.ts` checks every fixture both ways).
 */
export interface RootNames {
  /** Lower-case words: a file that mentions one is a root. */
  readonly words: ReadonlySet<string>;
  /** Text (case as written) whose presence makes a file a root (a framework's comment marker). */
  readonly substrings: readonly string[];
}

export class ParseSet {
  private readonly scans: ScannedPhp[];
  /** Word → files that mention it. */
  private readonly mentions = new Map<string, number[]>();
  /** Word → files that write it other than as a variable or member (a function, class or constant's name). */
  private readonly plainMentions = new Map<string, number[]>();
  /** Word → files that write it as a member (`->x`, `::x`: a method or property). */
  private readonly memberMentions = new Map<string, number[]>();
  /** File name → files whose includes end with it. */
  private readonly includers = new Map<string, number[]>();
  /** Word → files that may declare it. */
  private readonly declarers = new Map<string, number[]>();
  /** Variable → files that may assign it whole. */
  private readonly assigners = new Map<string, number[]>();
  /** Variable → key word → files that may assign it under a key with that word. */
  private readonly keyedAssigners = new Map<string, Map<string, number[]>>();
  /** Variable → files that may assign it under some key. */
  private readonly anyKeyAssigners = new Map<string, number[]>();
  /** Variables shared by parsed files (their keyed values found by the keys they write), and those whose every value matters. */
  private readonly shared = new Set<string>();
  private readonly doneWhole = new Set<string>();
  /** Variables parsed code reads or writes under a computed key. */
  private readonly computedKeys = new Set<string>();
  private readonly chosen: boolean[];
  private readonly pending: number[] = [];
  /** Names already sent round (declared by parsed files; mentioned by them). */
  private readonly doneBack = new Set<string>();
  private readonly doneMembers = new Set<string>();
  private readonly doneForward = new Set<string>();
  private readonly doneShared = new Set<string>();
  private readonly byPath = new Map<string, number>();

  constructor(
    private readonly files: readonly { readonly path: string; readonly text: string }[],
    private readonly normalize: (path: string) => string,
  ) {
    this.scans = files.map((file) => scanPhpBytes(file.text));
    this.chosen = files.map(() => false);
    const names = new Set(files.map((file) => baseName(file.path).toLowerCase()));
    this.scans.forEach((scan, i) => {
      for (const word of scan.words) push(this.mentions, word, i);
      for (const word of scan.plainWords) push(this.plainMentions, word, i);
      for (const word of scan.memberWords) push(this.memberMentions, word, i);
      for (const word of scan.declares) push(this.declarers, word, i);
      for (const name of scan.includedNames) push(this.includers, baseName(name).toLowerCase(), i);
      for (const word of scan.assigns) push(this.assigners, word, i);
      for (const [variable, keys] of scan.keyedAssigns) {
        push(this.anyKeyAssigners, variable, i);
        let byKey = this.keyedAssigners.get(variable);
        if (!byKey) this.keyedAssigners.set(variable, (byKey = new Map()));
        for (const key of keys) push(byKey, key, i);
      }
      this.byPath.set(normalize(files[i]!.path), i);
      // An include of no file of the set may run a file read through the host, which may do anything.
      if (scan.unsure !== undefined || scan.includedNames.some((name) => !names.has(name.toLowerCase()))) this.choose(i);
    });
  }

  /** Adds the roots for these names (again, with more names, when the presets in use change). */
  addRoots(roots: RootNames, isEntry: (path: string) => boolean): void {
    for (const word of roots.words) for (const i of this.mentions.get(word) ?? []) this.choose(i);
    this.files.forEach((file, i) => {
      if (this.chosen[i]) return;
      if (roots.substrings.some((text) => file.text.includes(text)) || isEntry(file.path)) this.choose(i);
    });
  }

  /** Chooses the file at this path, when it is one of the set (an include found after parsing). */
  choosePath(path: string): boolean {
    const i = this.byPath.get(this.normalize(path));
    if (i === undefined || this.chosen[i]) return false;
    this.choose(i);
    return true;
  }

  /** The files chosen and not yet handed out; the caller parses them and calls `parsed`. */
  takePending(): number[] {
    return this.pending.splice(0);
  }

  /** Sends a parsed file's names round: the files they reach and the files that reach them. */
  parsed(i: number, symbols: FileSymbols | undefined): void {
    this.sendRound(this.scans[i]!, symbols, this.files[i]!.path);
  }

  /** The same for a file read through the host (an include outside the set). */
  parsedExtra(path: string, text: string, symbols: FileSymbols | undefined): void {
    this.sendRound(scanPhpBytes(text), symbols, path);
  }

  private sendRound(scan: ScannedPhp, symbols: FileSymbols | undefined, path: string): void {
    for (const word of scan.plainWords) {
      if (this.doneForward.has(word)) continue;
      this.doneForward.add(word);
      for (const j of this.declarers.get(word) ?? []) this.choose(j);
      // A value under this key of a variable parsed code shares.
      for (const variable of this.shared) for (const j of this.keyedAssigners.get(variable)?.get(word) ?? []) this.choose(j);
    }
    for (const variable of scan.sharedVariables) {
      if (this.doneShared.has(variable)) continue;
      this.doneShared.add(variable);
      this.shared.add(variable);
      for (const j of this.assigners.get(variable) ?? []) this.choose(j);
      for (const [key, files] of this.keyedAssigners.get(variable) ?? []) if (this.doneForward.has(key)) for (const j of files) this.choose(j);
      if (this.computedKeys.has(variable)) this.everyAssignment(variable);
    }
    for (const variable of scan.computedKeys) {
      this.computedKeys.add(variable);
      if (this.shared.has(variable)) this.everyAssignment(variable);
    }
    for (const variable of scan.wholeVariables) this.everyAssignment(variable);
    const { names, members } = declaredNames(scan, symbols);
    for (const name of names) {
      if (this.doneBack.has(name)) continue;
      this.doneBack.add(name);
      for (const j of this.plainMentions.get(name) ?? []) this.choose(j);
    }
    for (const member of members) {
      if (this.doneMembers.has(member)) continue;
      this.doneMembers.add(member);
      for (const j of this.memberMentions.get(member) ?? []) this.choose(j);
    }
    // A file that includes this one writes its name at the end of an include's literal (any
    // other include is `unsure`; one through an include helper calls the helper, declared by a
    // parsed file, by its name).
    for (const j of this.includers.get(baseName(path).toLowerCase()) ?? []) this.choose(j);
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  isChosen(i: number): boolean {
    return this.chosen[i]!;
  }

  get chosenCount(): number {
    return this.chosen.filter(Boolean).length;
  }

  /** Every file that may assign the variable, under any key or whole. */
  private everyAssignment(variable: string): void {
    if (this.doneWhole.has(variable)) return;
    this.doneWhole.add(variable);
    for (const j of [...(this.assigners.get(variable) ?? []), ...(this.anyKeyAssigners.get(variable) ?? [])]) this.choose(j);
  }

  private choose(i: number): void {
    if (this.chosen[i]) return;
    this.chosen[i] = true;
    this.pending.push(i);
  }
}

/**
 * What a parsed file declares, lower-case: functions and classes (last namespace segment),
 * which other files write plainly, and methods and properties, which they write as
 * members (a member declared with no `public` is still reached through `$this->`, `self::`).
 */
function declaredNames(scan: ScannedPhp, symbols: FileSymbols | undefined): { names: Set<string>; members: Set<string> } {
  // The parse says what the file declares; without one (never, in a run), the scan's guess.
  const names = new Set(symbols ? [] : scan.declares);
  const members = new Set<string>();
  const last = (name: string): string => name.slice(name.lastIndexOf('\\') + 1).toLowerCase();
  for (const fn of symbols?.functions ?? []) names.add(last(fn));
  for (const cls of symbols?.classes ?? []) {
    names.add(last(cls.name));
    for (const method of cls.methods) members.add(method);
    for (const property of cls.properties.keys()) members.add(property.toLowerCase());
    for (const property of cls.constructed?.declared.keys() ?? []) members.add(property.toLowerCase());
  }
  return { names, members };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
