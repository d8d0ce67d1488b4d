import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { declarePhp, lowerPhp, PhpParser, type Unit } from '../../core/src';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { hashValue } from '../src/cache/keys';
import { LoweredUnits } from '../src/cache/lowered-units';
import { loadGrammarBytes } from '../src/node-runtime';
import { fixturesRoot } from './support';

/** Every `.php` file under a folder, recursively. */
function phpFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return phpFiles(full);
    return entry.name.endsWith('.php') ? [full] : [];
  });
}

/** Offset of the start of line `line` (0-based, clamped to the last line). */
function lineStart(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return at;
    at = next + 1;
  }
  return at;
}

/**
 * Typing as an editor sends it, each edit on the text before: a space at the start of a line
 * (the statements below it move, same lines), a new line (the lines below change), a letter
 * inside a line (that statement changes, maybe into a syntax error), and each undone.
 */
function editsOf(text: string): string[] {
  const lines = text.split('\n').length;
  const texts: string[] = [];
  let current = text;
  const at = (line: number) => lineStart(current, line);
  const insert = (offset: number, what: string) => (current = current.slice(0, offset) + what + current.slice(offset));
  const remove = (offset: number, length: number) => (current = current.slice(0, offset) + current.slice(offset + length));
  const steps: (() => void)[] = [
    () => insert(at(Math.floor(lines / 3)), ' '),
    () => insert(at(Math.floor(lines / 5)), '  '),
    () => remove(at(Math.floor(lines / 5)), 2),
    () => insert(at(Math.floor(lines / 2)), '\n'),
    () => insert(at(Math.floor((2 * lines) / 3)) + 4, 'x'),
    () => remove(at(Math.floor((2 * lines) / 3)) + 4, 1),
    () => remove(at(Math.floor(lines / 2)), 1),
    () => insert(at(1), ' '),
  ];
  for (const step of steps) {
    step();
    texts.push(current);
  }
  return texts;
}

/**
 * The language server lowers an edited file again only where the edit touched it
 * (`LoweredUnits`, `core/src/lower/php/unit-reuse.ts`): after every edit of every PHP fixture,
 * the IR it gives must be the IR of a lowering from nothing, span for span.
 */
describe('units reused across edits lower as a fresh lowering', function () {
  this.timeout(300_000);
  let parser: PhpParser;
  before(async () => {
    parser = await PhpParser.create(await loadGrammarBytes());
  });

  it('gives, after each edit of each PHP fixture, the IR of a fresh lowering', () => {
    let moved = 0;
    let compared = 0;
    for (const file of phpFiles(fixturesRoot)) {
      const name = path.relative(fixturesRoot, file);
      const units = new LoweredUnits();
      let previous = new Set<Unit>();
      for (const [step, text] of [fs.readFileSync(file, 'utf8'), ...editsOf(fs.readFileSync(file, 'utf8'))].entries()) {
        const root = parser.parsePlain(text, name).rootNode;
        const fresh = lowerPhp(root, name, text, phpNativeCatalog);
        // As `PhpFileWork` does: the file's own declarations are its units' context when it is lowered alone.
        const context = hashValue(declarePhp(root, name));
        const reuse = units.begin(name, context);
        const reused = lowerPhp(root, name, text, phpNativeCatalog, undefined, undefined, reuse);
        units.keep(name, context, reuse);
        assert.deepEqual({ ir: reused.ir, problems: reused.problems }, { ir: fresh.ir, problems: fresh.problems }, `${name}, edit ${step}`);
        compared++;
        for (const unit of reused.ir.units) if (previous.has(unit) && step > 0) moved++;
        previous = new Set(reused.ir.units);
      }
    }
    assert.ok(compared > 1000, `texts compared: ${compared}`);
    // Most edits move the units below them: those must have been reused, not lowered again.
    assert.ok(moved > compared / 2, `units reused: ${moved} over ${compared} texts`);
  });
});
