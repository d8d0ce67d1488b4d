import * as assert from 'node:assert/strict';
import { PhpParser } from '../../core/src';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { mergeCatalogs, mergedCatalog } from '../src/catalog/merge';
import { lineEdit, sameTreeMoved } from '../src/cache/edit-map';
import { loadGrammarBytes } from '../src/node-runtime';

/**
 * What a language server compares before it keeps an analysis's flow and rules for an edited
 * text (`rules/src/cache/kept-rules-stage.ts`): the syntax trees of the two texts, and the
 * merged catalog of the two analyses.
 */
describe('the checks of a kept analysis', () => {
  let parser: PhpParser;
  before(async () => {
    parser = await PhpParser.create(await loadGrammarBytes());
  });

  /** The trees of `before` and of `after` and the edit between them. */
  const trees = (before: string, after: string) => {
    const edit = lineEdit(before, after);
    assert.ok(edit, 'an edit within a line');
    return [parser.parsePlain(before), parser.parsePlain(after), edit] as const;
  };
  const lines = (body: string): string => ['<?php', 'session_start();', 'function f($x) {', body, '    return $x;', '}', 'f(1);', ''].join('\n');

  it('takes a tree whose nodes all moved with the edit as the same tree', () => {
    // A space before a statement: every node after it one further, none other changed.
    assert.ok(sameTreeMoved(...trees(lines('    $y = $x + 1;'), lines('     $y = $x + 1;'))));
    // Before the first statement of a function: the function's node grows by one.
    assert.ok(sameTreeMoved(...trees(lines('    $y = $x + 1;'), lines('    $y  = $x + 1;'))));
  });

  it('refuses a tree whose nodes differ in type, in number, or in where they are', () => {
    // The same number of nodes, one of another type (a name for a number).
    const [a, b, edit] = trees(lines('    $y = f(1);'), lines('    $y = f(a);'));
    assert.equal(a.nodeCount, b.nodeCount);
    assert.equal(sameTreeMoved(a, b, edit), false);
    // One node more.
    assert.equal(sameTreeMoved(...trees(lines('    $y = $x;'), lines('    $y = -$x;'))), false);
    // A name typed longer is the same tree moved (its token ends where the edit puts its end);
    // the same trees compared through a wrong edit are not: the offsets are checked, not only the shape.
    assert.ok(sameTreeMoved(...trees(lines('    $y = $x;'), lines('    $yy = $x;'))));
    const [c, d] = trees(lines('    $y = $x;'), lines('    $y = $x;  '));
    assert.equal(sameTreeMoved(c, d, { start: 0, oldEnd: 0, delta: 2 }), false);
  });

  it('merges the same catalog layers into the same catalog, and others anew', () => {
    const layer = { functions: { fetch_remote: { kind: 'slow' } } } as never;
    const first = mergedCatalog(phpNativeCatalog, layer);
    assert.equal(mergedCatalog(phpNativeCatalog, layer), first, 'the same layers: the same object');
    assert.deepEqual(first, mergeCatalogs(phpNativeCatalog, layer));
    const other = { functions: { fetch_remote: { kind: 'slow' } } } as never;
    const second = mergedCatalog(phpNativeCatalog, other);
    assert.notEqual(second, first, 'another layer object: merged again');
    assert.deepEqual(second, mergeCatalogs(phpNativeCatalog, other));
    assert.notEqual(mergedCatalog(phpNativeCatalog), second);
    assert.deepEqual(mergedCatalog(phpNativeCatalog), mergeCatalogs(phpNativeCatalog));
  });
});
