import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { createHash } from 'node:crypto';
import { KEPT_PER_OWNER, type AnalysisCache, type CacheOwner } from './analysis-cache';
import { digestOf } from './keys';
import { writeFileAtomically } from './files';
import { OwnerVersions } from './owner-versions';

/**
 * The Cache Directory Tagging convention (backup tools skip such folders); also how this tool
 * knows a folder it may remove (another build's entries).
 */
const CACHE_TAG = 'CACHEDIR.TAG';
const CACHE_TAG_TEXT = 'Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache of session-lint (--cache); it can be deleted.\n';

export function isCacheFolder(folder: string): boolean {
  try {
    return fs.readFileSync(path.join(folder, CACHE_TAG), 'utf8').startsWith(CACHE_TAG_TEXT.split('\n')[0]!);
  } catch {
    return false;
  }
}

/** Each entry starts with these bytes, then the SHA-1 of the rest: a damaged entry is told apart. */
const MAGIC = Buffer.from('SLC1');
const CHECKSUM_BYTES = 20;

/**
 * `--cache`: the analysis cache in a folder, one file per entry, each `v8.serialize`d behind a
 * checksum. An entry with an owner is filed in its owner's folder
 * (`<owner[0..2]>/<owner>/<key>`), others by key (`<key[0..2]>/<key>`). Entries are read on
 * demand and written at `flush()` (through a temporary file and a rename, so a reader never
 * sees half an entry); then each owner written keeps its newest `KEPT_PER_OWNER` entries (those
 * this process used first, then by modification time) and the others are removed, so the
 * folder holds a few versions of each file, not one per run or per keystroke. Nothing here
 * throws: an entry that cannot be read is a miss, and the first problem of each kind is told
 * once through `warn` (the run goes on, cold where it must).
 */
export class DiskCache implements AnalysisCache {
  private readonly pending = new Map<string, { readonly value: unknown; readonly owner: string | undefined }>();
  /** The entries this process read or wrote, per owner: kept first when the owner is pruned. */
  private readonly used = new OwnerVersions();
  private warnedRead = false;
  private warnedWrite = false;
  /** Entries read and found usable, for statistics. */
  hits = 0;

  constructor(
    readonly folder: string,
    private readonly warn: (message: string) => void,
  ) {}

  get(key: string, owner?: CacheOwner): unknown {
    const pending = this.pending.get(key);
    if (pending !== undefined) return pending.value;
    const file = this.fileOf(key, owner?.name);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.readProblem(`cannot read ${file}: ${messageOf(err)}`);
      return undefined;
    }
    const value = decode(bytes);
    if (value === undefined) {
      this.readProblem(`${file} is damaged`);
      return undefined;
    }
    this.hits++;
    if (owner) this.used.use(owner.name, key);
    return value;
  }

  set(key: string, value: unknown, owner?: CacheOwner): void {
    this.pending.set(key, { value, owner: owner?.name });
    if (owner) this.used.use(owner.name, key);
  }

  /** Writes what was set since the last flush. */
  flush(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending.clear();
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      const tag = path.join(this.folder, CACHE_TAG);
      if (!fs.existsSync(tag)) fs.writeFileSync(tag, CACHE_TAG_TEXT);
    } catch {
      // Reported below, when the first entry cannot be written either.
    }
    const owners = new Set<string>();
    for (const [key, { value, owner }] of entries) {
      const file = this.fileOf(key, owner);
      try {
        writeFileAtomically(file, encode(value));
      } catch (err) {
        if (!this.warnedWrite) {
          this.warnedWrite = true;
          this.warn(`cannot write the cache in ${this.folder} (${messageOf(err)}): results are not kept for the next run`);
        }
        return;
      }
      if (owner !== undefined) owners.add(owner);
    }
    for (const owner of owners) this.prune(owner);
  }

  /** Removes the entries of `owner` past the newest `KEPT_PER_OWNER` (best effort: another process may hold them). */
  private prune(owner: string): void {
    const folder = this.ownerFolder(owner);
    let names: string[];
    try {
      names = fs.readdirSync(folder).filter((name) => /^[0-9a-f]{40}$/.test(name));
    } catch {
      return;
    }
    if (names.length <= KEPT_PER_OWNER) return;
    const usedHere = this.used.keys(owner);
    const modified = (name: string): number => {
      try {
        return fs.statSync(path.join(folder, name)).mtimeMs;
      } catch {
        return 0;
      }
    };
    // Used by this process first (newest last in `usedHere`), then the newest on disk.
    const rank = (name: string): number => (usedHere.includes(name) ? Number.MAX_SAFE_INTEGER - usedHere.length + usedHere.indexOf(name) : modified(name));
    const ranked = names.map((name) => ({ name, rank: rank(name) })).sort((a, b) => b.rank - a.rank);
    for (const { name } of ranked.slice(KEPT_PER_OWNER)) {
      try {
        fs.rmSync(path.join(folder, name), { force: true });
      } catch {
        // Left for a later prune.
      }
    }
  }

  private ownerFolder(owner: string): string {
    return path.join(this.folder, owner.slice(0, 2), owner);
  }

  private fileOf(key: string, owner: string | undefined): string {
    return owner === undefined ? path.join(this.folder, key.slice(0, 2), key) : path.join(this.ownerFolder(owner), key);
  }

  private readProblem(message: string): void {
    if (this.warnedRead) return;
    this.warnedRead = true;
    this.warn(`${message}; what it held is analysed again (delete the cache folder if this repeats)`);
  }
}

/** Magic, checksum, then the value; undefined (never a throw) for bytes of any other shape. */
export function decode(bytes: Buffer): unknown {
  if (bytes.length < MAGIC.length + CHECKSUM_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(MAGIC.length + CHECKSUM_BYTES);
  const checksum = createHash('sha1').update(payload).digest();
  if (!checksum.equals(bytes.subarray(MAGIC.length, MAGIC.length + CHECKSUM_BYTES))) return undefined;
  try {
    return deserialize(payload);
  } catch {
    return undefined;
  }
}

export function encode(value: unknown): Buffer {
  const payload = serialize(value);
  return Buffer.concat([MAGIC, createHash('sha1').update(payload).digest(), payload]);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The cache of one build in `location`: entries live in `<location>/<build>/` (the first 16
 * hex digits of `toolVersion`), so another build's are never read; the folders other builds
 * left (tagged, 16 hex digits) are removed, best effort.
 */
export function openDiskCache(location: string, toolVersion: string, warn: (message: string) => void): DiskCache {
  const build = toolVersion.slice(0, 16);
  removeOtherBuilds(location, build);
  return new DiskCache(path.join(location, build), warn);
}

/**
 * The build of the tool: its version and the bytes of the code that runs (the bundle, or this
 * module in an unbundled run), so a rebuilt tool never trusts what another build cached.
 */
export function toolFingerprint(version: string): string {
  let code = '';
  try {
    code = createHash('sha1').update(fs.readFileSync(__filename)).digest('hex');
  } catch {
    // No file to read (an unusual loader): the version alone.
  }
  return digestOf([version, code]);
}

function removeOtherBuilds(location: string, build: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(location, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === build || !/^[0-9a-f]{16}$/.test(entry.name)) continue;
    // Only folders this tool made (tagged as caches), whatever --cache-location points at.
    if (!isCacheFolder(path.join(location, entry.name))) continue;
    try {
      fs.rmSync(path.join(location, entry.name), { recursive: true, force: true });
    } catch {
      // Another process may hold it; it is left for the next run.
    }
  }
}
