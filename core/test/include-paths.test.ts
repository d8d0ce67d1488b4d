import * as assert from 'node:assert/strict';
import { matchesPattern } from '../src/flow/include-paths';

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
