import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readSource, type SourceFileSystem } from '../../rules/src/discovery/read-source';
import { TempDir } from './helpers';

describe('readSource', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.cleanup());

  const limit = { maxFileSize: 1024 };

  it('returns the text of a UTF-8 file', async () => {
    tmp.write({ 'a.php': '<?php echo "é";\n' });
    assert.deepEqual(await readSource(tmp.path('a.php'), limit), { kind: 'ok', text: '<?php echo "é";\n', notes: [] });
  });

  it('strips a byte-order mark, so columns match the editor', async () => {
    tmp.write({ 'a.php': Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('<?php\n')]) });
    assert.deepEqual(await readSource(tmp.path('a.php'), limit), { kind: 'ok', text: '<?php\n', notes: [] });
  });

  it('skips a binary file with an error entry instead of failing', async () => {
    tmp.write({ 'a.php': Buffer.from([0x3c, 0x3f, 0x00, 0x01]) });
    assert.deepEqual(await readSource(tmp.path('a.php'), limit), { kind: 'skipped', message: 'binary file, not analysed' });
  });

  it('analyses invalid UTF-8 with U+FFFD in place, and notes it', async () => {
    tmp.write({ 'a.php': Buffer.from([0x3c, 0x3f, 0x70, 0x68, 0x70, 0x20, 0xff, 0x0a]) });
    const outcome = await readSource(tmp.path('a.php'), limit);
    assert.equal(outcome.kind, 'ok');
    if (outcome.kind !== 'ok') return;
    assert.equal(outcome.text, '<?php \uFFFD\n');
    assert.equal(outcome.notes.length, 1);
    assert.match(outcome.notes[0]!, /not valid UTF-8/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    tmp.write({ 'big.php': 'x'.repeat(1025), 'exact.php': 'x'.repeat(1024) });
    assert.deepEqual(await readSource(tmp.path('big.php'), limit), {
      kind: 'skipped',
      message: 'file is too large (1025 bytes, limit 1024; see --max-file-size), not analysed',
    });
    assert.equal((await readSource(tmp.path('exact.php'), limit)).kind, 'ok');
  });

  it('refuses a file that grew past the limit between stat and read', async () => {
    const growing: SourceFileSystem = {
      stat: async () => ({ isFile: () => true, isDirectory: () => false, size: 10 }),
      readFile: async () => new Uint8Array(2000),
    };
    const outcome = await readSource('/any.php', { ...limit, fs: growing });
    assert.equal(outcome.kind, 'skipped');
  });

  it('reports a directory where a file was expected as unreadable', async () => {
    tmp.mkdir('dir.php');
    assert.deepEqual(await readSource(tmp.path('dir.php'), limit), {
      kind: 'unreadable',
      message: 'cannot read file: is a directory',
    });
  });

  it('reports a dangling symlink or a vanished file as unreadable', async () => {
    fs.symlinkSync('missing.php', tmp.path('link.php'));
    assert.deepEqual(await readSource(tmp.path('link.php'), limit), {
      kind: 'unreadable',
      message: 'cannot read file: no such file or directory (ENOENT)',
    });
  });

  it('reports a read failure (permission denied) as unreadable', async () => {
    const denied: SourceFileSystem = {
      stat: async () => ({ isFile: () => true, isDirectory: () => false, size: 10 }),
      readFile: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    assert.deepEqual(await readSource('/secret.php', { ...limit, fs: denied }), {
      kind: 'unreadable',
      message: 'cannot read file: permission denied (EACCES)',
    });
  });

  it('keeps the message of an error it has no words for', async () => {
    const odd: SourceFileSystem = {
      stat: async () => {
        throw new Error('something odd');
      },
      readFile: async () => new Uint8Array(),
    };
    assert.deepEqual(await readSource('/a.php', { ...limit, fs: odd }), {
      kind: 'unreadable',
      message: 'cannot read file: something odd',
    });
  });
});
