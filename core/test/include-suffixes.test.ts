import * as assert from 'node:assert/strict';
import { includeTargets } from '../src/flow/include-paths';
import { uniqueSuffixMatch, writtenSuffix } from '../src/flow/include-suffixes';
import type { StaticString } from '../src/ir/static-string';

const unknown = { unknown: true as const };

describe('include suffixes: a written folder and file after a start the analysis cannot know', () => {
  it('reads the written rest when it names a folder and a file', () => {
    assert.equal(writtenSuffix([unknown, { text: 'functions/prepend_adm.php' }]), 'functions/prepend_adm.php');
    assert.equal(writtenSuffix([unknown, { text: '/pages/' }, { text: 'logon.inc.php' }]), '/pages/logon.inc.php');
    // A constant no file gives a value is as unknown as a variable.
    assert.equal(writtenSuffix([{ constant: 'BASE' }, { text: 'lib/db.php' }]), 'lib/db.php');
  });
  it('is none for a bare file name, a `.` or `..` folder, an unknown part later on, or a known start', () => {
    assert.equal(writtenSuffix([unknown, { text: '/config.php' }]), undefined);
    assert.equal(writtenSuffix([unknown, { text: 'config.php' }]), undefined);
    assert.equal(writtenSuffix([unknown, { text: '/../lib/db.php' }]), undefined);
    assert.equal(writtenSuffix([unknown, { text: '/./lib/db.php' }]), undefined);
    assert.equal(writtenSuffix([unknown, { text: 'lib//db.php' }]), undefined);
    assert.equal(writtenSuffix([unknown, { text: '/views/' }, unknown, { text: '.php' }]), undefined);
    assert.equal(writtenSuffix([{ text: 'lib/' }, { text: 'db.php' }]), undefined);
    assert.equal(writtenSuffix([unknown]), undefined);
  });
  it('matches exactly one project file, or none', () => {
    const files = new Set(['functions/prepend_adm.php', 'admin/verify.php', 'html/pages/logon.inc.php', 'a/includes/init.php', 'b/includes/init.php']);
    assert.equal(uniqueSuffixMatch('functions/prepend_adm.php', files), 'functions/prepend_adm.php');
    assert.equal(uniqueSuffixMatch('/pages/logon.inc.php', files), 'html/pages/logon.inc.php');
    // Two files end with it: which one PHP loads is not known.
    assert.equal(uniqueSuffixMatch('/includes/init.php', files), undefined);
    assert.equal(uniqueSuffixMatch('/missing/x.php', files), undefined);
    // With a leading `/` the text starts a folder; without one the unknown start may end inside a
    // folder name, so `xfunctions/…` counts against uniqueness then.
    const near = new Set(['functions/prepend_adm.php', 'oldfunctions/prepend_adm.php']);
    assert.equal(uniqueSuffixMatch('/functions/prepend_adm.php', near), 'functions/prepend_adm.php');
    assert.equal(uniqueSuffixMatch('functions/prepend_adm.php', near), undefined);
  });
});

describe('include targets: a unique written suffix resolves the include', () => {
  it('resolves through includeTargets only when one file fits', () => {
    const value: StaticString = [unknown, { text: 'functions/prepend_adm.php' }];
    const one = new Set(['functions/prepend_adm.php', 'admin/verify.php']);
    assert.deepEqual(includeTargets(value, 'admin/verify.php', one, { includePaths: [] })?.matches, ['functions/prepend_adm.php']);
    const two = new Set([...one, 'legacy/functions/prepend_adm.php']);
    assert.equal(includeTargets(value, 'admin/verify.php', two, { includePaths: [] }), undefined);
  });
});
