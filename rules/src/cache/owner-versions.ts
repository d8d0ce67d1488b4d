import { KEPT_PER_OWNER } from './analysis-cache';

/**
 * The keys of each owner's entries in the order they were last used (newest last), bounded to
 * `kept` per owner: `use` tells which keys fell out, for the store to remove them.
 */
export class OwnerVersions {
  private readonly keysOf = new Map<string, string[]>();
  private readonly ownerOf = new Map<string, string>();

  constructor(private readonly kept = KEPT_PER_OWNER) {}

  /** `key` is the newest version of `owner`; returns the keys of `owner` past the bound. */
  use(owner: string, key: string): string[] {
    let keys = this.keysOf.get(owner);
    if (!keys) {
      keys = [];
      this.keysOf.set(owner, keys);
    }
    const at = keys.indexOf(key);
    if (at !== -1) keys.splice(at, 1);
    keys.push(key);
    this.ownerOf.set(key, owner);
    const dropped = keys.length > this.kept ? keys.splice(0, keys.length - this.kept) : [];
    for (const old of dropped) this.ownerOf.delete(old);
    return dropped;
  }

  /** The keys of `owner` used (set or read) here, newest last. */
  keys(owner: string): readonly string[] {
    return this.keysOf.get(owner) ?? [];
  }

  /** `key` was removed by the store for another reason (its memory bound). */
  forget(key: string): void {
    const owner = this.ownerOf.get(key);
    if (owner === undefined) return;
    this.ownerOf.delete(key);
    const keys = this.keysOf.get(owner)!;
    keys.splice(keys.indexOf(key), 1);
    if (keys.length === 0) this.keysOf.delete(owner);
  }
}
