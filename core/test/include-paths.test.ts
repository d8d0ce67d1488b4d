import * as assert from 'node:assert/strict';
import { includeTargets, matchesPattern } from '../src/flow/include-paths';
import { codeIncludeDirs } from '../src/flow/code-include-paths';

describe('include patterns: matching a name against literal pieces', () => {
  it('matches across two unknown parts in a row (an empty piece between them), and ends when nothing fits', () => {
    // `"OOUI\\{$theme}Theme"`: the escape and the interpolation are two unknown parts in a row.
    const pieces = ['ooui', '', 'theme'];
    assert.equal(matchesPattern('ooui\\wikimediauitheme', pieces), true);
    // Once hung: `indexOf('', n)` past the end answers the end again, so the search never stopped.
    assert.equal(matchesPattern('ooui\\element', pieces), false);
    assert.equal(matchesPattern('views/a.txt', ['views/', '', '.php']), false);
    assert.equal(matchesPattern('views/a.php', ['views/', '', '.php']), true);
  });
});

describe('include paths set in code (set_include_path)', () => {
  const here = { text: 'htdocs', anchored: true as const };
  it('reads the folders of each entry whose text is known, after PATH_SEPARATOR or a literal colon', () => {
    const value = [{ unknown: true as const }, { constant: 'PATH_SEPARATOR' }, here, { text: '/../php/libraries:lib' }];
    assert.deepEqual(codeIncludeDirs(value), [
      { dir: 'php/libraries', anchored: true },
      { dir: 'lib', anchored: false },
    ]);
  });
  it('leaves out entries with an unknown part and absolute folders outside the project', () => {
    const value = [{ text: '/usr/share/php:' }, { unknown: true as const }, { text: '/vendor' }];
    assert.deepEqual(codeIncludeDirs(value), []);
  });
  it('reads project constants in the value', () => {
    const value = [{ constant: 'LIB' }];
    assert.deepEqual(codeIncludeDirs(value, (name) => (name === 'LIB' ? [{ text: 'app/lib', anchored: true as const }] : undefined)), [{ dir: 'app/lib', anchored: true }]);
  });
  it('searches them after every other base, so an include that resolved before lands on the same file', () => {
    const files = new Set(['htdocs/Client.inc', 'lib/Client.inc']);
    const search = { includePaths: [], setInCode: [[{ text: 'lib', anchored: true as const }]] };
    assert.deepEqual(includeTargets([{ text: 'Client.inc' }], 'htdocs/index.php', files, search)?.matches, ['htdocs/Client.inc']);
    assert.deepEqual(includeTargets([{ text: 'Other.inc' }], 'htdocs/index.php', new Set([...files, 'lib/Other.inc']), search)?.matches, ['lib/Other.inc']);
  });
});
