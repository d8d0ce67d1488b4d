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
});
