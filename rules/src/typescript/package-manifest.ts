/**
 * Reading a package's `package.json`: a specifier's package name and subpath, and the files
 * its `exports` give a subpath under the conditions a caller prefers (workspace packages want
 * the types, which name the sources' shape; installed packages want the JavaScript Node runs).
 */

/** `@scope/db/client` → `@scope/db` and `./client`; `db` → `db` and `.`. */
export function splitSpecifier(specifier: string): { name?: string; subpath: string } {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < size || parts.slice(0, size).some((p) => p === '')) return { subpath: '.' };
  const rest = parts.slice(size).join('/');
  return { name: parts.slice(0, size).join('/'), subpath: rest === '' ? '.' : `./${rest}` };
}

/** The targets `exports` gives a subpath: `"./src/index.ts"`, `{ ".": { "types": …, "import": … } }`, `"./*"` patterns. */
export function exportTargets(exported: unknown, subpath: string, preferred: readonly string[]): string[] {
  if (typeof exported === 'string' || Array.isArray(exported)) return subpath === '.' ? conditionTargets(exported, preferred, 0) : [];
  if (!exported || typeof exported !== 'object') return [];
  const entries = exported as Record<string, unknown>;
  const keys = Object.keys(entries);
  if (!keys.some((key) => key.startsWith('.'))) return subpath === '.' ? conditionTargets(entries, preferred, 0) : [];
  if (entries[subpath] !== undefined) return conditionTargets(entries[subpath], preferred, 0);
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.length < prefix.length + suffix.length || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    const matched = subpath.slice(prefix.length, subpath.length - suffix.length);
    return conditionTargets(entries[key], preferred, 0).map((target) => target.split('*').join(matched));
  }
  return [];
}

/** Every target of an `exports` value, the preferred conditions first, then in written order. */
function conditionTargets(value: unknown, preferred: readonly string[], depth: number): string[] {
  if (depth > 6 || value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => conditionTargets(item, preferred, depth + 1));
  if (typeof value !== 'object') return [];
  const conditions = value as Record<string, unknown>;
  const keys = Object.keys(conditions);
  const ordered = [...preferred.filter((key) => keys.includes(key)), ...keys.filter((key) => !preferred.includes(key))];
  return ordered.flatMap((key) => conditionTargets(conditions[key], preferred, depth + 1));
}
