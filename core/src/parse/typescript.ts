import * as ts from 'typescript';
import { RecentTsTrees } from './ts-recent-trees';

/**
 * TypeScript and JavaScript parsing with the `typescript` compiler API (syntax only, no
 * program or type checker). Error-tolerant: the parser always returns a tree; its
 * `parseDiagnostics` become problems with messages. Never throws on any text.
 */
export const TYPESCRIPT_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export interface TsSyntaxProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface ParsedTs {
  readonly source: ts.SourceFile;
  readonly problems: readonly TsSyntaxProblem[];
}

/** True for the extensions the TypeScript front end reads (`.d.ts` included: it has no code). */
export function isTypeScriptPath(path: string): boolean {
  const lower = path.toLowerCase();
  return TYPESCRIPT_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

export function scriptKindFor(path: string): ts.ScriptKind {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (lower.endsWith('.js') || lower.endsWith('.mjs') || lower.endsWith('.cjs')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

const MAX_REPORTED_PROBLEMS = 20;

/**
 * Keeps the trees of the last `limit` files parsed (0: none, the CLI's default), so that a
 * changed text is re-parsed incrementally and the same text is parsed once (`ts-recent-trees.ts`).
 * The language server's analysis worker turns it on; each call starts with no tree kept.
 */
export function keepRecentTsTrees(limit: number): void {
  recentTrees = limit > 0 ? new RecentTsTrees<ParsedTs>(limit) : undefined;
}

let recentTrees: RecentTsTrees<ParsedTs> | undefined;

/** The tree kept for exactly this text of the file (`keepRecentTsTrees`), if any. */
export function keptTsTree(path: string, text: string): ts.SourceFile | undefined {
  return recentTrees?.same(path, text);
}

/** `keep: false`: not a file an editor changes (an installed package's module), so not kept. */
export function parseTypeScript(path: string, text: string, options: { readonly keep?: boolean } = {}): ParsedTs {
  if (!recentTrees || options.keep === false) return parseFresh(path, text);
  return recentTrees.parse(
    path,
    text,
    () => parseFresh(path, text),
    (previous, change) => withProblems(() => ts.updateSourceFile(previous, text, change), path),
  );
}

function parseFresh(path: string, text: string): ParsedTs {
  return withProblems(() => ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindFor(path)), path);
}

function withProblems(parse: () => ts.SourceFile, path: string): ParsedTs {
  let source: ts.SourceFile;
  try {
    source = parse();
  } catch (error) {
    // The compiler's parser recurses per nesting level: absurdly deep code overflows the stack.
    const empty = ts.createSourceFile(path, '', ts.ScriptTarget.Latest, true, scriptKindFor(path));
    const why = error instanceof RangeError ? 'the code is nested too deeply to parse' : 'the parser failed on this file';
    return { source: empty, problems: [{ start: 0, end: 0, message: `${why}; the file was not analysed` }] };
  }
  // Not in the public typings, but always set by `createSourceFile`.
  const diagnostics = (source as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const problems: TsSyntaxProblem[] = [];
  for (const diagnostic of diagnostics.slice(0, MAX_REPORTED_PROBLEMS)) {
    const start = diagnostic.start ?? 0;
    problems.push({
      start,
      end: start + (diagnostic.length ?? 0),
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    });
  }
  return { source, problems };
}
