import * as assert from 'node:assert/strict';
import { applicableAt, applyFixesOnce, applyFixesUntilStable, type Fix } from '../src';

const insert = (file: string, at: number, newText: string, title = 'insert', applicability: Fix['applicability'] = 'safe'): Fix => ({
  title,
  applicability,
  edits: [{ span: { file, start: at, end: at }, newText }],
});

describe('applying fixes', () => {
  it('applies edits in several files, each fix whole', () => {
    const texts = new Map([
      ['a.php', 'abc'],
      ['b.php', 'xyz'],
    ]);
    const twoFiles: Fix = {
      title: 'both',
      applicability: 'safe',
      edits: [
        { span: { file: 'b.php', start: 1, end: 2 }, newText: 'Y' },
        { span: { file: 'a.php', start: 0, end: 1 }, newText: 'A' },
      ],
    };
    const pass = applyFixesOnce(texts, [twoFiles]);
    assert.deepEqual([...pass.texts], [['a.php', 'Abc'], ['b.php', 'xYz']]);
    assert.deepEqual(pass.changed, ['a.php', 'b.php']);
  });

  it('defers a fix that overlaps one before it, and never applies a fix outside the given files', () => {
    const texts = new Map([['a.php', '0123456789']]);
    const first: Fix = { title: 'first', applicability: 'safe', edits: [{ span: { file: 'a.php', start: 2, end: 5 }, newText: 'X' }] };
    const overlapping: Fix = { title: 'second', applicability: 'safe', edits: [{ span: { file: 'a.php', start: 4, end: 6 }, newText: 'Y' }] };
    const samePoint = insert('a.php', 8, 'Z', 'z');
    const samePointToo = insert('a.php', 8, 'W', 'w');
    const elsewhere = insert('other.php', 0, 'no');
    const pass = applyFixesOnce(texts, [overlapping, samePoint, first, elsewhere, samePointToo]);
    assert.equal(pass.texts.get('a.php'), '01X567Z89');
    assert.deepEqual(pass.applied.map((f) => f.title), ['first', 'z']);
    assert.deepEqual(pass.deferred.map((f) => f.title).sort(), ['second', 'w']);
    assert.equal(pass.texts.has('other.php'), false);
  });

  it('applies a fix offered twice once', () => {
    const texts = new Map([['a.php', 'ab']]);
    const pass = applyFixesOnce(texts, [insert('a.php', 1, '-'), insert('a.php', 1, '-')]);
    assert.equal(pass.texts.get('a.php'), 'a-b');
    assert.equal(pass.applied.length, 2);
  });

  it('applies one fix per isolation key and pass', () => {
    const texts = new Map([['a.php', 'ab']]);
    const first = { ...insert('a.php', 0, 'X'), isolation: 'unit' };
    const second = { ...insert('a.php', 1, 'Y'), isolation: 'unit' };
    const pass = applyFixesOnce(texts, [second, first]);
    assert.equal(pass.texts.get('a.php'), 'Xab');
    assert.equal(pass.deferred.length, 1);
  });

  it('keeps CRLF line endings', () => {
    const texts = new Map([['a.php', '<?php\r\nfoo();\r\n']]);
    const pass = applyFixesOnce(texts, [insert('a.php', 7, 'bar();\n')]);
    assert.equal(pass.texts.get('a.php'), '<?php\r\nbar();\r\nfoo();\r\n');
  });

  it('repeats passes until nothing is offered, bounded, and a second run changes nothing', () => {
    // A "finding" per missing `;` after each `x`: the fix of the first one overlaps nothing,
    // those after wait for the next pass only when they touch the same point.
    const fixesFor = (texts: ReadonlyMap<string, string>): Fix[] => {
      const text = texts.get('a.php')!;
      const fixes: Fix[] = [];
      for (let i = 0; i < text.length; i++) if (text[i] === 'x' && text[i + 1] !== ';') fixes.push(insert('a.php', i + 1, ';'));
      return fixes;
    };
    const texts = new Map([['a.php', 'x x x']]);
    const result = applyFixesUntilStable(texts, fixesFor, applicableAt('safe'));
    assert.equal(result.texts.get('a.php'), 'x; x; x;');
    assert.equal(result.bounded, false);
    const again = applyFixesUntilStable(result.texts, fixesFor, applicableAt('safe'));
    assert.deepEqual(again.changed, []);

    const forever = (t: ReadonlyMap<string, string>): Fix[] => [insert('a.php', t.get('a.php')!.length, '!')];
    const cut = applyFixesUntilStable(texts, forever, applicableAt('safe'), 3);
    assert.equal(cut.bounded, true);
    assert.equal(cut.texts.get('a.php'), 'x x x!!!');
  });

  it('takes only the applicability asked for', () => {
    const texts = new Map([['a.php', 'ab']]);
    const offered = [insert('a.php', 0, 'S', 's', 'safe'), insert('a.php', 1, 'U', 'u', 'unsafe'), insert('a.php', 2, 'D', 'd', 'display-only')];
    const safe = applyFixesUntilStable(texts, (t) => (t.get('a.php') === 'ab' ? offered : []), applicableAt('safe'));
    assert.equal(safe.texts.get('a.php'), 'Sab');
    const unsafe = applyFixesUntilStable(texts, (t) => (t.get('a.php') === 'ab' ? offered : []), applicableAt('unsafe'));
    assert.equal(unsafe.texts.get('a.php'), 'SaUb');
  });
});
