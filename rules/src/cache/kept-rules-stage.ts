import { PhpEditSites, TextReads, type FileIR, type Finding, type InputError, type PhpParser } from '../../../core/src';
import type { PlainTree } from '../../../core/src/parse/plain-tree';
import { positionShape, unitShape, type PositionShape } from '../../../core/src/ir/position-shape';
import { lineEdit, movedOffset, movedOutput, sameTreeMoved, type LineEdit } from './edit-map';

/**
 * What the flow and the rules of one analysis gave (a language server's), kept for its next
 * analysis of the same project: when the texts differ in one file, by an edit that changed
 * nothing the flow and the rules read, the next analysis takes these findings and notes, their
 * spans moved by the edit, instead of running the flow and the rules again.
 *
 * What they read, and why the check is exact:
 * - the IR of every file, the project's declarations and the catalog: the other files' texts
 *   are the same, the declarations' hashes and the catalog's are the same, and the edited
 *   file's IR is the same value with its positions moved (`position-shape.ts`, unit by unit:
 *   a unit the lowering kept is the same object, moved by one amount);
 * - positions only by comparing them, and line numbers: the edit's map keeps their order, and
 *   it adds or removes no line break (`edit-map.ts`);
 * - the text, for the fixes, through the file's `EditSites` only: the shape of its syntax tree
 *   (the same, moved), the ranges of text it read (`TextReads`: none touches the edit) and its
 *   answers about the whole file (asked again of the new text: the same).
 * The files of a TypeScript project are not kept (their fixes read the compiler's tree).
 */
export class KeptRulesStage {
  private readonly stages = new Map<string, KeptStage>();
  /** Analyses that took the kept flow and rules, and those that ran them (the tests read them). */
  reused = 0;
  ran = 0;

  constructor(private readonly size = 2) {}

  /**
   * The output kept for `project` moved to the new texts, when the flow and the rules would give
   * it; undefined when they must run.
   */
  reuse(project: string, context: string, files: readonly StageFile[], parser: PhpParser): StageOutput | undefined {
    const stage = this.stages.get(project);
    if (!stage || stage.context !== context || stage.texts.size !== files.length) return undefined;
    let edited: StageFile | undefined;
    for (const file of files) {
      const before = stage.texts.get(file.path);
      if (before === undefined) return undefined;
      if (before === file.text) continue;
      if (edited) return undefined;
      edited = file;
    }
    // The same texts in the same context: the same output.
    if (!edited) return stage.output;
    const kept = stage.files.get(edited.path);
    const before = stage.texts.get(edited.path)!;
    const edit = kept && edited.ir ? lineEdit(before, edited.text) : undefined;
    if (!kept || !edit || !edited.ir) return undefined;
    const moved = (offset: number): number | undefined => movedOffset(edit, offset);
    if (!kept.reads.unchangedBy(moved) || !sameAnswers(kept.reads, new PhpEditSites(parser, edited.path, edited.text))) return undefined;
    const tree = kept.tree ? parser.parsePlain(edited.text, edited.path) : undefined;
    if (kept.tree && !sameTreeMoved(kept.tree, tree!, edit)) return undefined;
    const rest = sameIrMoved(kept, edited.ir, edit);
    if (!rest) return undefined;
    const output = movedOutput(stage.output, edited.path, edit);
    if (!output) return undefined;
    // What is kept now stands for the new text (the next edit is compared with it).
    const reads = new TextReads();
    for (let i = 0; i < kept.reads.ranges.length; i++) reads.ranges.push(moved(kept.reads.ranges[i]!)!);
    for (const [question, answer] of kept.reads.answers) reads.answer(question, answer);
    reads.tree = tree;
    const keptFiles = new Map(stage.files);
    keptFiles.set(edited.path, { units: edited.ir.units, starts: edited.ir.units.map((unit) => unit.span.start), rest, reads, tree });
    const texts = new Map(stage.texts);
    texts.set(edited.path, edited.text);
    this.stages.set(project, { ...stage, texts, files: keptFiles, output });
    return output;
  }

  /** Keeps what the flow and the rules gave for these texts, with what the fixes read of each file. */
  keep(project: string, context: string, files: readonly StageFile[], reads: ReadonlyMap<string, TextReads>, output: StageOutput): void {
    const kept = new Map<string, KeptFile>();
    for (const file of files) {
      const read = reads.get(file.path);
      if (!file.ir || !read) continue;
      const { units, ...rest } = file.ir;
      kept.set(file.path, {
        units,
        starts: units.map((unit) => unit.span.start),
        rest: positionShape(rest, file.path),
        reads: read,
        tree: read.tree,
      });
    }
    this.stages.delete(project);
    // A copy: the findings share span objects with the IR, which the next lowering moves in place.
    this.stages.set(project, { context, texts: new Map(files.map((file) => [file.path, file.text])), files: kept, output: structuredClone(output) });
    while (this.stages.size > this.size) this.stages.delete(this.stages.keys().next().value!);
  }
}

/** A file of the project as the stage sees it: its text, and its IR when it is PHP code. */
export interface StageFile {
  readonly path: string;
  readonly text: string;
  readonly ir: FileIR | undefined;
}

/** What the flow and the rules add to an analysis's result. */
export interface StageOutput {
  readonly findings: readonly Finding[];
  readonly notes: readonly InputError[];
  /** Summary notes before the declarations' and lowering's own, and after them. */
  readonly summaryBefore: readonly string[];
  readonly summaryAfter: readonly string[];
  readonly searchWork: number;
  readonly unitsSkipped: number;
}

interface KeptStage {
  /** What else the flow and the rules read: declarations' hashes, catalog, presets, options. */
  readonly context: string;
  readonly texts: ReadonlyMap<string, string>;
  /** The files whose findings were reported, with what the fixes read of them. */
  readonly files: ReadonlyMap<string, KeptFile>;
  readonly output: StageOutput;
}

interface KeptFile {
  readonly units: readonly FileIR['units'][number][];
  /** Where each unit started (a unit the next lowering keeps is moved in place). */
  readonly starts: readonly number[];
  /** The file's other lists (comments, classes, installs …), apart from their positions. */
  readonly rest: PositionShape;
  readonly reads: TextReads;
  readonly tree: PlainTree | undefined;
}

/** The answers about the whole file, asked again of the new text. */
function sameAnswers(reads: TextReads, sites: PhpEditSites): boolean {
  try {
    for (const [question, answer] of reads.answers) {
      if (question === 'lineComment' && sites.lineComment !== answer) return false;
      if (question === 'quote' && sites.quote !== answer) return false;
      if (question === 'indentUnit' && sites.indentUnit !== answer) return false;
      if (question.startsWith('hasTopLevelStatement\0') && sites.hasTopLevelStatement(question.slice('hasTopLevelStatement\0'.length)) !== answer) return false;
    }
    return [...reads.answers.keys()].every((question) => ['lineComment', 'quote', 'indentUnit'].includes(question) || question.startsWith('hasTopLevelStatement\0'));
  } finally {
    sites.dispose();
  }
}

/**
 * Whether the new IR of the file is the kept one with its positions moved by the edit; if so,
 * the shape of its lists besides the units (to keep for the next edit).
 */
function sameIrMoved(kept: KeptFile, ir: FileIR, edit: LineEdit): PositionShape | undefined {
  const { units, ...rest } = ir;
  if (units.length !== kept.units.length) return undefined;
  for (let i = 0; i < units.length; i++) {
    const before = kept.units[i]!;
    const now = units[i]!;
    const start = kept.starts[i]!;
    if (before === now) {
      // Kept by the lowering and moved in place as a whole: every offset on one side of the edit.
      const shape = unitShape(now);
      const shift = now.span.start - start;
      const side = shape.max + start < edit.start ? 0 : shape.min + start >= edit.oldEnd ? edit.delta : undefined;
      if (side === undefined || shift !== side) return undefined;
      continue;
    }
    const earlier = unitShape(before);
    const shape = unitShape(now);
    if (earlier.shape !== shape.shape || earlier.relative.length !== shape.relative.length) return undefined;
    const base = now.span.start;
    for (let j = 0; j < shape.relative.length; j++) {
      if (movedOffset(edit, earlier.relative[j]! + start) !== shape.relative[j]! + base) return undefined;
    }
  }
  const now = positionShape(rest, ir.file);
  if (now.shape !== kept.rest.shape || now.offsets.length !== kept.rest.offsets.length) return undefined;
  for (let j = 0; j < now.offsets.length; j++) if (movedOffset(edit, kept.rest.offsets[j]!) !== now.offsets[j]) return undefined;
  return now;
}
