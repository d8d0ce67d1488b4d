/**
 * Reading a package's `package.json`: the files its `exports` give a subpath under the
 * conditions a caller prefers (workspace packages want the types, which name the sources' shape;
 * installed packages want the JavaScript Node runs). A specifier's package name and subpath come
 * from core's `splitSpecifier`.
 */

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
