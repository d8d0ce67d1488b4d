/**
 * An import specifier's package: `@scope/db/client` names the package `@scope/db` and its subpath
 * `./client`. Shared by the lowering (which package an error class comes from) and the project
 * layer in `rules/` (workspace packages, installed packages, `extends` in a tsconfig), so that all
 * of them split a scoped name the same way.
 */

/** `@scope/db/client` → `@scope/db` and `./client`; `db` → `db` and `.`; `@scope` alone has no name. */
export function splitSpecifier(specifier: string): { name?: string; subpath: string } {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < size || parts.slice(0, size).some((p) => p === '')) return { subpath: '.' };
  const rest = parts.slice(size).join('/');
  return { name: parts.slice(0, size).join('/'), subpath: rest === '' ? '.' : `./${rest}` };
}

/**
 * Whether a specifier can name a package at all: not a relative or absolute path, and not one of
 * the prefixes bundlers and `paths` mappings use for the project's own files (`~/`, `#internal`,
 * `@/components`).
 */
export function mayNamePackage(specifier: string): boolean {
  return !['.', '/', '~', '#', '@/'].some((prefix) => specifier.startsWith(prefix)) && specifier !== '';
}
