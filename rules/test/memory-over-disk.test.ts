import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openDiskCache } from '../src/cache/disk-cache';
import { MemoryOverDiskCache } from '../src/cache/memory-over-disk';

/** The language server's cache: memory over disk, copies per read, bounded memory, kept across starts. */
describe('memory over disk cache', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-cache-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('gives each read its own copy of a value', () => {
    const cache = new MemoryOverDiskCache(undefined);
    cache.set('k', { units: [{ id: 'script' }], map: new Map([['a', 1]]) });
    const first = cache.get('k') as { units: { id: string }[] };
    first.units.push({ id: 'changed by a run' });
    assert.deepEqual(cache.get('k'), { units: [{ id: 'script' }], map: new Map([['a', 1]]) });
  });

  it('forgets the least recently used entries past its bound', () => {
    const cache = new MemoryOverDiskCache(undefined, 600);
    // Entries are serialised into memory when the analysis that set them is flushed.
    cache.set('a', 'x'.repeat(200));
    cache.set('b', 'y'.repeat(200));
    cache.flush();
    cache.get('a');
    cache.set('c', 'z'.repeat(200));
    cache.flush();
    assert.equal(cache.get('b'), undefined, 'b was the least recently used');
    assert.equal(cache.get('a'), 'x'.repeat(200));
    assert.equal(cache.get('c'), 'z'.repeat(200));
  });

  it('serialises an entry after the analysis (at flush), and a read before that still gets a copy', () => {
    const cache = new MemoryOverDiskCache(undefined);
    const value = { units: [{ id: 'script' }] };
    cache.set('k', value);
    const read = cache.get('k') as typeof value;
    assert.notEqual(read, value);
    read.units.push({ id: 'changed by a run' });
    cache.flush();
    assert.deepEqual(cache.get('k'), { units: [{ id: 'script' }] });
  });

  it('is read back by a new cache on the same folder (a second start)', () => {
    const warnings: string[] = [];
    const first = new MemoryOverDiskCache(openDiskCache(folder, '0123456789abcdef0000', (m) => warnings.push(m)));
    first.set('key', { ir: 'lowered' });
    first.flush();
    const second = new MemoryOverDiskCache(openDiskCache(folder, '0123456789abcdef0000', (m) => warnings.push(m)));
    assert.deepEqual(second.get('key'), { ir: 'lowered' });
    // Another build reads none of it, and removes the first build's folder.
    const other = new MemoryOverDiskCache(openDiskCache(folder, 'fedcba9876543210ffff', (m) => warnings.push(m)));
    assert.equal(other.get('key'), undefined);
    assert.deepEqual(fs.readdirSync(folder), []);
    assert.deepEqual(warnings, []);
  });

  /** Every file under `folder`, relative, sorted. */
  const filesUnder = (dir: string): string[] =>
    fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort() : [];

  it('keeps the newest versions of each owner on disk and removes the older ones', () => {
    const build = '0123456789abcdef0000';
    const disk = openDiskCache(folder, build, () => undefined);
    const handler = { name: 'a'.repeat(40) };
    const helper = { name: 'b'.repeat(40) };
    const key = (n: number) => String(n).padStart(40, '0');
    for (let version = 1; version <= 5; version++) {
      disk.set(key(version), { version }, handler);
      disk.flush();
    }
    disk.set(key(100), { helper: 1 }, helper);
    disk.flush();
    const entries = filesUnder(path.join(folder, build.slice(0, 16))).filter((file) => file !== 'CACHEDIR.TAG');
    assert.deepEqual(entries, [`aa/${handler.name}/${key(4)}`, `aa/${handler.name}/${key(5)}`, `bb/${helper.name}/${key(100)}`]);
    // A new process reads what was kept; a version it reads counts as recent when it prunes.
    const next = openDiskCache(folder, build, () => undefined);
    assert.deepEqual(next.get(key(4), handler), { version: 4 });
    assert.equal(next.get(key(3), handler), undefined);
    next.set(key(6), { version: 6 }, handler);
    next.flush();
    assert.deepEqual(
      filesUnder(path.join(folder, build.slice(0, 16), 'aa')),
      [`${handler.name}/${key(4)}`, `${handler.name}/${key(6)}`],
      'version 4 was read by this process: kept over version 5',
    );
  });

  it('keeps the newest versions of each owner in memory', () => {
    const cache = new MemoryOverDiskCache(undefined);
    const owner = { name: 'o'.repeat(40) };
    for (let version = 1; version <= 10; version++) {
      cache.set(`k${version}`, { version }, owner);
      if (version % 3 === 0) cache.flush();
    }
    cache.set('other', { other: true });
    cache.flush();
    assert.equal(cache.size, 3, 'two versions of the owner and the entry without one');
    assert.equal(cache.get('k8', owner), undefined);
    assert.deepEqual(cache.get('k9', owner), { version: 9 });
    assert.deepEqual(cache.get('k10', owner), { version: 10 });
  });

  it('writes to disk only while told so (analyses of saved texts)', () => {
    const build = '0123456789abcdef0000';
    const owner = { name: 'c'.repeat(40) };
    const cache = new MemoryOverDiskCache(openDiskCache(folder, build, () => undefined));
    cache.set('1'.repeat(40), 'saved', owner);
    cache.onDisk = false;
    cache.set('2'.repeat(40), 'typed', owner);
    cache.flush();
    assert.equal(cache.get('2'.repeat(40), owner), 'typed');
    assert.deepEqual(filesUnder(path.join(folder, build.slice(0, 16))), ['CACHEDIR.TAG', `cc/${owner.name}/${'1'.repeat(40)}`]);
    // An entry the analyzer recomputes cheaply is not kept at all for such texts.
    const ir = { name: 'd'.repeat(40), recomputable: true };
    cache.set('3'.repeat(40), 'typed IR', ir);
    assert.equal(cache.get('3'.repeat(40), ir), undefined);
    cache.onDisk = true;
    cache.set('4'.repeat(40), 'saved IR', ir);
    assert.equal(cache.get('4'.repeat(40), ir), 'saved IR');
  });
});
