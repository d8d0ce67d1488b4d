import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { declarePhp, lowerPhp, PhpParser } from '../../core/src';
import type { DeclarationReuse } from '../../core/src/lower/php/declaration-reuse';
import { collectDeclarations } from '../../core/src/lower/php/units';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { loadGrammarBytes } from '../src/node-runtime';
import { fixturesRoot } from './support';
import { editsOf, phpFiles } from './typing-edits';

/** A value as JSON with the order of its maps and sets kept (what a deep equality ignores). */
function ordered(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Map) return { map: [...item] };
    if (item instanceof Set) return { set: [...item] };
    return item;
  });
}

/**
 * The language server walks an edited file's declarations again only in the declaring
 * statements the edit changed (`core/src/lower/php/declaration-reuse.ts`): the symbols and the
 * IR of every edit must be those of a fresh parse, in the same order.
 */
describe('declarations reused across edits are those of a fresh walk', function () {
  this.timeout(300_000);
  let typing: PhpParser;
  let fresh: PhpParser;
  before(async () => {
    const grammar = await loadGrammarBytes();
    typing = await PhpParser.create(grammar);
    typing.keepRecentTrees(8);
    fresh = await PhpParser.create(grammar);
  });

  it('gives, after each edit of each PHP fixture, the symbols and IR of a fresh parse', () => {
    let compared = 0;
    for (const file of phpFiles(fixturesRoot)) {
      const name = path.relative(fixturesRoot, file);
      for (const [step, text] of [fs.readFileSync(file, 'utf8'), ...editsOf(fs.readFileSync(file, 'utf8'))].entries()) {
        const typed = typing.parsePlain(text, name).rootNode;
        const parsed = fresh.parsePlain(text).rootNode;
        const symbols = declarePhp(typed, name);
        const expected = declarePhp(parsed, name);
        assert.deepEqual(symbols, expected, `${name}, edit ${step}`);
        assert.equal(ordered(symbols), ordered(expected), `${name}, edit ${step} (order)`);
        const ir = lowerPhp(typed, name, text, phpNativeCatalog);
        const expectedIr = lowerPhp(parsed, name, text, phpNativeCatalog);
        assert.deepEqual(ir, expectedIr, `${name}, edit ${step} (IR)`);
        assert.equal(ordered(ir), ordered(expectedIr), `${name}, edit ${step} (IR order)`);
        compared++;
      }
    }
    assert.ok(compared > 1000, `texts compared: ${compared}`);
  });

  it('walks again only the declaring statements an edit changed, or whose context did', () => {
    const functions = Array.from({ length: 20 }, (_, i) => `/** @return Box */\nfunction step_${i}($input) {\n    $_SESSION['k${i}'] = $input;\n    return new Box();\n}\n`);
    const base = `<?php\nnamespace App;\nsession_start();\n${functions.join('')}class Box {\n    public function open() { return 1; }\n}\n`;
    let reuse: DeclarationReuse = { earlier: new Map(), now: new Map() };
    const walk = (text: string): { walked: number; symbols: string } => {
      reuse = { earlier: reuse.now, now: new Map() };
      const root = fresh.parsePlain(text).rootNode;
      const declarations = collectDeclarations(root, 'x.php', reuse);
      const units = declarations.units.map((unit) => `${unit.kind}:${unit.name ?? ''}@${unit.node.startIndex}`);
      return { walked: reuse.walked ?? 0, symbols: ordered(declarePhp(fresh.parsePlain(text).rootNode, 'x.php')) + units.join() };
    };
    const expectedOf = (text: string): string => {
      const root = fresh.parsePlain(text).rootNode;
      const units = collectDeclarations(root, 'x.php').units.map((unit) => `${unit.kind}:${unit.name ?? ''}@${unit.node.startIndex}`);
      return ordered(declarePhp(root, 'x.php')) + units.join();
    };
    assert.equal(walk(base).walked, 21, 'the first text: every function and the class');
    const edits: [string, string, number][] = [
      ['a space above every declaration: each moved, none walked', base.replace('session_start();', ' session_start();'), 0],
      ['inside one function', base.replace("$_SESSION['k7'] = $input;", "$_SESSION['k7'] = $input . 'x';"), 1],
      ['the docblock above one function', base.replace('/** @return Box */\nfunction step_3(', '/** @return Other */\nfunction step_3('), 1],
      ['an import above them all: every one read with it', base.replace('session_start();', 'use Lib\\Box;\nsession_start();'), 21],
    ];
    for (const [what, text, walked] of edits) {
      walk(base);
      const after = walk(text);
      assert.equal(after.walked, walked, what);
      assert.equal(after.symbols, expectedOf(text), `${what}: the declarations of a fresh walk`);
    }
  });
});
