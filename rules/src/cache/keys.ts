import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';

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
 * The hash of a plain value as `v8.serialize` writes it: Maps and Sets in insertion order, so
 * a value built the same way from the same input hashes the same.
 */
export function hashValue(value: unknown): string {
  return hashText(serialize(value));
}
