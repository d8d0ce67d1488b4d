import * as assert from 'node:assert/strict';
import { PhpParser } from '../../core/src';
import { declareShippedDefaults } from '../../core/src/lower/php/shipped-defaults';
import type { ShippedValue } from '../../core/src/project/symbols';
import { loadGrammarBytes } from '../src/node-runtime';

/**
 * The shipped defaults take the writes of a setting from one scan of the file's assignments,
 * and a function's `global` declarations from its own body (not those of the functions nested
 * in it): a function's write makes the value unknown only when it writes the global.
 */
describe('shipped defaults: which writes in functions make a setting unknown', () => {
  let parser: PhpParser;
  before(async () => {
    parser = await PhpParser.create(await loadGrammarBytes());
  });

  /** The shipped values of `code`, read from the copied tree; the wasm tree must give the same. */
  const shipped = (code: string): Record<string, ShippedValue | null> => {
    const plain = new Map<string, ShippedValue | null>();
    declareShippedDefaults(parser.parsePlain(code).rootNode, plain);
    const tree = parser.parse(code);
    const wasm = new Map<string, ShippedValue | null>();
    try {
      declareShippedDefaults(tree.rootNode, wasm);
    } finally {
      tree.delete();
    }
    assert.deepEqual(Object.fromEntries(wasm), Object.fromEntries(plain));
    return Object.fromEntries(plain);
  };

  it('keeps a value a function only writes to a local of the same name', () => {
    const found = shipped(`<?php
$CONF['encrypt'] = 'md5crypt';
function f() { $CONF['encrypt'] = 'sha'; $h = function () { global $CONF; return $CONF; }; }
`);
    assert.deepEqual(found, { "$CONF['encrypt']": { literal: 'md5crypt' } });
  });

  it('forgets a value a function writes after declaring it global, or through $GLOBALS', () => {
    const found = shipped(`<?php
$CONF['encrypt'] = 'md5crypt';
$CONF['quota'] = false;
function f() { if (1) { global $CONF; } $CONF['encrypt'] = 'sha'; }
function g() { $GLOBALS['CONF']['quota'] = true; }
`);
    assert.deepEqual(found, { "$CONF['encrypt']": null, "$CONF['quota']": null });
  });
});
