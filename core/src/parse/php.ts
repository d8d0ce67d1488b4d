import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

/**
 * PHP parsing with tree-sitter (wasm). Error-tolerant: broken code gives a tree with ERROR
 * and MISSING nodes, never an exception. The wasm bytes come from the host, so this module
 * does no I/O and runs the same in the CLI, the language server, workers and tests.
 */
export interface PhpGrammar {
  readonly treeSitterRuntime: Uint8Array;
  readonly php: Uint8Array;
}

export interface SyntaxProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

let runtimeReady: Promise<void> | undefined;

async function initRuntime(runtimeWasm: Uint8Array): Promise<void> {
  // The runtime wants a file name even when it is handed the bytes; it never reads it.
  runtimeReady ??= Parser.init({ wasmBinary: runtimeWasm, locateFile: (name: string) => name } as object);
  return runtimeReady;
}

export class PhpParser {
  private constructor(private readonly parser: Parser) {}

  static async create(grammar: PhpGrammar): Promise<PhpParser> {
    await initRuntime(grammar.treeSitterRuntime);
    const language = await Language.load(grammar.php);
    const parser = new Parser();
    parser.setLanguage(language);
    return new PhpParser(parser);
  }

  /**
   * Parses `text`. Pass the previous tree, already `edit()`ed to match the new text, for an
   * incremental parse (about 1.5 ms per edit instead of a full parse). The caller owns the
   * returned tree and must `delete()` it: wasm memory is not garbage-collected.
   */
  parse(text: string, previous?: Tree): Tree {
    const tree = this.parser.parse(text, previous ?? null);
    if (!tree) throw new Error('tree-sitter returned no tree (no language set)');
    return tree;
  }
}

const MAX_REPORTED_PROBLEMS = 20;

/** ERROR and MISSING nodes, in source order, as messages a user can act on. */
export function syntaxProblems(root: Node): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  if (!root.hasError) return problems;
  const cursor = root.walk();
  let descend = true;
  for (;;) {
    const node = cursor.currentNode;
    if (descend && node.hasError) {
      if (node.isMissing) {
        problems.push({ start: node.startIndex, end: node.endIndex, message: `missing \`${node.type}\`` });
      } else if (node.type === 'ERROR') {
        const snippet = node.text.split(/\r?\n/, 1)[0]!.trim().slice(0, 30);
        problems.push({
          start: node.startIndex,
          end: node.endIndex,
          message: snippet ? `unexpected \`${snippet}\`` : 'unexpected input',
        });
      }
      if (problems.length >= MAX_REPORTED_PROBLEMS) break;
      if (node.type !== 'ERROR' && cursor.gotoFirstChild()) continue;
    } else if (descend && node.isMissing) {
      problems.push({ start: node.startIndex, end: node.endIndex, message: `missing \`${node.type}\`` });
    }
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    let climbed = false;
    while (cursor.gotoParent()) {
      if (cursor.gotoNextSibling()) {
        climbed = true;
        break;
      }
    }
    if (!climbed) break;
    descend = true;
  }
  cursor.delete();
  return problems;
}

export type { Node as SyntaxNode, Tree as SyntaxTree } from 'web-tree-sitter';
