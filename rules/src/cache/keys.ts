import { createHash } from 'node:crypto';

/**
 * Cache keys: hashes of everything a result is computed from. SHA-1 is a fingerprint here,
 * not a security boundary (the cache is the user's own folder).
 */
export function hashText(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('hex');
}

/** One hash of several parts; the separator keeps `['ab', 'c']` and `['a', 'bc']` apart. */
export function digestOf(parts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * The hash of a plain value, from its content only. Not `v8.serialize`: V8 writes a string as
 * one-byte or two-byte depending on how it was built in memory, so the same symbols declared
 * in a worker and in the main thread could hash differently. Maps and Sets hash in insertion
 * order and objects in key order, so a value built the same way from the same input hashes
 * the same in every thread and every run.
 */
const objectHashes = new WeakMap<object, string>();

/**
 * `hashValue` of an object never changed after it is made (a merged catalog), once per object:
 * the lowering's key and the kept flow and rules' context of one analysis hash the same catalog.
 */
export function hashOfFrozen(value: object): string {
  let hash = objectHashes.get(value);
  if (hash === undefined) objectHashes.set(value, (hash = hashValue(value)));
  return hash;
}

export function hashValue(value: unknown): string {
  const hash = createHash('sha1');
  feedValue(hash, value);
  return hash.digest('hex');
}

type Hash = ReturnType<typeof createHash>;

/** Writes a tag and the content of each part, so different shapes never write the same bytes. */
function feedValue(hash: Hash, value: unknown): void {
  if (value === null) return void hash.update('n');
  switch (typeof value) {
    case 'undefined':
      return void hash.update('u');
    case 'boolean':
      return void hash.update(value ? 't' : 'f');
    case 'number':
    case 'bigint':
      return void hash.update(`#${String(value)};`);
    case 'string':
      return void hash.update(`s${value.length}:`).update(value);
    case 'object':
      return feedObject(hash, value);
    default:
      throw new TypeError(`hashValue: a ${typeof value} is not plain data`);
  }
}

function feedObject(hash: Hash, value: object): void {
  if (ArrayBuffer.isView(value)) {
    hash.update(`b${value.byteLength}:`).update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  } else if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const item of value) feedValue(hash, item);
  } else if (value instanceof Map) {
    hash.update(`m${value.size}[`);
    for (const [key, item] of value) {
      feedValue(hash, key);
      feedValue(hash, item);
    }
  } else if (value instanceof Set) {
    hash.update(`e${value.size}[`);
    for (const item of value) feedValue(hash, item);
  } else {
    const keys = Object.keys(value).sort();
    hash.update(`o${keys.length}[`);
    for (const key of keys) {
      feedValue(hash, key);
      feedValue(hash, (value as Record<string, unknown>)[key]);
    }
  }
}
