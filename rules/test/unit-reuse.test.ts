import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { declarePhp, lowerPhp, PhpParser, type Unit } from '../../core/src';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { hashValue } from '../src/cache/keys';
import { LoweredUnits } from '../src/cache/lowered-units';
import { loadGrammarBytes } from '../src/node-runtime';
import { fixturesRoot } from './support';
import { editsOf, phpFiles } from './typing-edits';

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
