import {
  declarePhp,
  lowerPhp,
  syntaxProblems,
  ProjectSymbols,
  type Catalog,
  type FileIR,
  type FileSymbols,
  type PhpParser,
  type Span,
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
  readonly problems: readonly { readonly span: Span; readonly message: string }[];
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
  const lowered = lowerPhp(tree.rootNode, file.path, file.text, catalog, symbols, betweenUnits, reuse);
  return { ir: lowered.ir, problems: lowered.problems };
}

/** The project index a batch is lowered with (built once per batch, where the batch runs). */
export function projectSymbolsOf(inputs: LoweringInputs): ProjectSymbols | undefined {
  return inputs.symbols === undefined ? undefined : new ProjectSymbols(inputs.symbols);
}
