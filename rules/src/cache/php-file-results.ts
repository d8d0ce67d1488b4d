import {
  declarePhp,
  lowerPhp,
  syntaxProblems,
  ProjectSymbols,
  type Catalog,
  type FileIR,
  type FileSymbols,
  type LoweringProblem,
  type PhpParser,
  type UnitReuse,
} from '../../../core/src';
import { hashValue } from './keys';
import type { KeptTrees } from './kept-trees';

/** A PHP file's path and text, as a batch of work hands it over (to a worker thread too). */
export interface PhpText {
  readonly path: string;
  readonly text: string;
}

/** What one parse of a PHP file declares, and where its syntax is broken. Plain data. */
export interface DeclaredPhp {
  readonly symbols: FileSymbols;
  /** The hash of `symbols`: the IR of the other files depends on it, not on the file's text. */
  readonly symbolsHash: string;
  readonly syntaxProblems: readonly { readonly start: number; readonly end: number; readonly message: string }[];
}

/** A PHP file lowered to IR, with the parts that could not be lowered. Plain data. */
export interface LoweredPhp {
  readonly ir: FileIR;
  readonly problems: readonly LoweringProblem[];
}

/**
 * What the lowering of a batch of files reads besides their text: the merged catalog, and the
 * declarations of the whole project in order (`undefined`: each file sees only its own, as
 * when one file is analysed alone).
 */
export interface LoweringInputs {
  readonly catalog: Catalog;
  readonly symbols: readonly FileSymbols[] | undefined;
}

/** Parses one file and reads its declarations; `kept` may keep the tree for the lowering. */
export function declarePhpText(parser: PhpParser, file: PhpText, kept?: KeptTrees): DeclaredPhp {
  const tree = parser.parsePlain(file.text, file.path);
  const symbols = declarePhp(tree.rootNode, file.path);
  // The calls it makes are not what other files' lowering depends on: editing one keeps their entries.
  const { literalCalls: _calls, ...hashed } = symbols;
  void _calls;
  const declared = { symbols, symbolsHash: hashValue(hashed), syntaxProblems: syntaxProblems(tree.rootNode) };
  kept?.keep(file, tree);
  return declared;
}

/**
 * Lowers one file with the project's declarations, from its kept tree or a new parse;
 * `betweenUnits` may stop it (by throwing) after any unit; `reuse` gives the units of an
 * earlier lowering of the file in the same context (`lowered-units.ts`).
 */
export function lowerPhpText(parser: PhpParser, file: PhpText, catalog: Catalog, symbols: ProjectSymbols | undefined, kept?: KeptTrees, betweenUnits?: () => void, reuse?: UnitReuse): LoweredPhp {
  const tree = kept?.take(file) ?? parser.parsePlain(file.text, file.path);
  // A stop asked for between units passes; any other throw is a bug of ours in this file.
  let stopped = false;
  const between = betweenUnits && ((): void => {
    try {
      betweenUnits();
    } catch (stop) {
      stopped = true;
      throw stop;
    }
  });
  try {
    const lowered = lowerPhp(tree.rootNode, file.path, file.text, catalog, symbols, between, reuse);
    return { ir: lowered.ir, problems: lowered.problems };
  } catch (error) {
    if (stopped) throw error;
    return unreadFile(file, error);
  }
}

/**
 * A file whose lowering threw outside any one function: it is analysed as empty, and says so
 * as an internal error, so the other files of the project keep their findings.
 */
function unreadFile(file: PhpText, error: unknown): LoweredPhp {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ir: { file: file.path, language: 'php', units: [], classes: [], registrations: [], storeInstalls: [], comments: [] },
    problems: [{
      span: { file: file.path, start: 0, end: 0 },
      message: `internal error while reading this file: ${reason}; it is analysed as if it were empty`,
      internal: true,
      ...(error instanceof Error && error.stack ? { detail: error.stack } : {}),
    }],
  };
}

/** The project index a batch is lowered with (built once per batch, where the batch runs). */
export function projectSymbolsOf(inputs: LoweringInputs): ProjectSymbols | undefined {
  return inputs.symbols === undefined ? undefined : new ProjectSymbols(inputs.symbols, inputs.catalog.builtinFunctions);
}
