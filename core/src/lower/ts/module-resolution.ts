import * as posix from 'node:path/posix';
import * as ts from 'typescript';

/**
 * Where an import specifier of a project file leads, among the files of the run: relative
 * specifiers (`../db`, `./db.js`, a folder's `index`), the tsconfig's `baseUrl` and
 * `paths` (`@/db`, `src/db`), and packages of the same workspace by name (`@shop/db`, whose
 * paths the host side works out from the workspace and the package's `exports`). No disk
 * access: a specifier resolves only to a file the analysis was given, and anything else
 * stays unresolved (a library, or a file not given).
 */

/** The module-resolution part of a tsconfig: paths are relative to the working directory. */
export interface TsPathConfig {
  /** The folder `paths` are relative to when there is no `baseUrl`: the config's own. */
  readonly dir: string;
  readonly baseUrl?: string;
  readonly paths?: Readonly<Record<string, readonly string[]>>;
}

/** The options of a tsconfig text that resolution needs, and what it extends (if relative). */
export interface TsConfigPathOptions {
  readonly baseUrl?: string;
  readonly paths?: Readonly<Record<string, readonly string[]>>;
  readonly extends?: string;
}

/**
 * A tsconfig, jsconfig or `package.json` text (JSON with comments and trailing commas, as
 * TypeScript reads them) as a plain object; undefined when it is not one. Never throws.
 */
export function parseTsConfigJson(text: string): Record<string, unknown> | undefined {
  try {
    const parsed = ts.parseConfigFileTextToJson('tsconfig.json', text);
    const config: unknown = parsed.config;
    return config && typeof config === 'object' && !Array.isArray(config) ? (config as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `baseUrl`, `paths` and `extends` from a tsconfig text (JSON with comments); never throws. */
export function tsConfigPathOptions(text: string): TsConfigPathOptions {
  try {
    const parsed = ts.parseConfigFileTextToJson('tsconfig.json', text).config as
      | { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } }
      | undefined;
    if (!parsed || typeof parsed !== 'object') return {};
    const options = parsed.compilerOptions ?? {};
    const paths: Record<string, string[]> = {};
    if (options.paths && typeof options.paths === 'object') {
      for (const [key, targets] of Object.entries(options.paths as Record<string, unknown>)) {
        if (Array.isArray(targets)) paths[key] = targets.filter((t): t is string => typeof t === 'string');
      }
    }
    return {
      ...(typeof options.baseUrl === 'string' ? { baseUrl: options.baseUrl } : {}),
      ...(Object.keys(paths).length > 0 ? { paths } : {}),
      ...(typeof parsed.extends === 'string' ? { extends: parsed.extends } : {}),
    };
  } catch {
    return {};
  }
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TS sources import each other as `./db.js` (what they compile to). */
const EMITTED = new Map([
  ['.js', ['.ts', '.tsx']],
  ['.jsx', ['.tsx']],
  ['.mjs', ['.mts']],
  ['.cjs', ['.cts']],
]);

/** Imports of files that are not code (a bundler's loaders handle them). */
const ASSET_EXTENSIONS = new Set(
  ['json', 'css', 'scss', 'sass', 'less', 'svg', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'ico', 'html', 'md', 'txt', 'yaml', 'yml', 'graphql', 'gql', 'wasm', 'node', 'vue', 'svelte', 'astro'].map((ext) => `.${ext}`),
);

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
}

function normalize(path: string): string {
  const normal = posix.normalize(path);
  return normal.startsWith('./') ? normal.slice(2) : normal;
}

/** The files a path without (or with) an extension may name, in TypeScript's order. */
function candidates(path: string): string[] {
  // `require('./')`, `require('..')`: a folder, so only its index file.
  const folder = path === '' || path === '.' || path.endsWith('/');
  const base = folder ? path.replace(/\/+$/, '').replace(/^\.$/, '') : path;
  if (folder) return SOURCE_EXTENSIONS.map((source) => (base === '' ? `index${source}` : `${base}/index${source}`));
  const out: string[] = [];
  const ext = posix.extname(base);
  if (SOURCE_EXTENSIONS.includes(ext)) {
    const stem = base.slice(0, -ext.length);
    for (const emitted of EMITTED.get(ext) ?? []) out.push(stem + emitted);
    out.push(base);
  }
  for (const source of SOURCE_EXTENSIONS) out.push(base + source);
  for (const source of SOURCE_EXTENSIONS) out.push(`${base}/index${source}`);
  return out;
}

export class TsModuleResolver {
  /** Normalized path → the path as the analysis names the file. */
  private readonly files = new Map<string, string>();
  private readonly cache = new Map<string, string | null>();

  constructor(
    files: readonly string[],
    private readonly configOf: (file: string) => TsPathConfig | undefined = () => undefined,
    /**
     * The module paths (without extension, or the built file's) a bare specifier names when
     * it is a package of the importing file's workspace, best first; undefined otherwise.
     */
    private readonly workspacePackage: (from: string, specifier: string) => readonly string[] | undefined = () => undefined,
  ) {
    for (const file of files) if (!this.files.has(normalize(file))) this.files.set(normalize(file), file);
  }

  /** The project file `specifier` names from `from`, or undefined (a library, or not given). */
  resolve(from: string, specifier: string): string | undefined {
    const key = `${posix.dirname(normalize(from))}\0${specifier}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.lookup(from, specifier);
    this.cache.set(key, found ?? null);
    return found;
  }

  /**
   * True when the specifier names project code (relative, or a `paths` pattern) that could
   * be a module: worth a note if unresolved. Styles, images and data files are not code.
   */
  isProjectSpecifier(from: string, specifier: string): boolean {
    if (ASSET_EXTENSIONS.has(posix.extname(specifier).toLowerCase())) return false;
    if (isRelativeSpecifier(specifier)) return true;
    const paths = this.configOf(from)?.paths;
    if (paths !== undefined && Object.keys(paths).some((pattern) => matchPattern(pattern, specifier) !== undefined)) return true;
    return this.workspacePackage(from, specifier) !== undefined;
  }

  private lookup(from: string, specifier: string): string | undefined {
    return this.first(this.candidatePaths(from, specifier));
  }

  /**
   * Every path the specifier may name, in TypeScript's order (for the host to load files
   * that were not given): relative, else the `paths` patterns (longest prefix first), then
   * `baseUrl`, then a package of the workspace. Empty for any other package name.
   */
  candidatePaths(from: string, specifier: string): string[] {
    if (isRelativeSpecifier(specifier)) {
      const joined = normalize(posix.join(posix.dirname(normalize(from)), specifier));
      // Node takes `.`, `..`, `./` and `x/..` for folders: their index file only.
      const folder = specifier === '.' || specifier === '..' || specifier.endsWith('/') || specifier.endsWith('/.') || specifier.endsWith('/..');
      return candidates(folder && !joined.endsWith('/') ? `${joined}/` : joined);
    }
    const config = this.configOf(from);
    const inWorkspace = (this.workspacePackage(from, specifier) ?? []).flatMap((path) => candidates(normalize(path)));
    if (!config) return inWorkspace;
    const root = config.baseUrl !== undefined ? normalize(posix.join(config.dir, config.baseUrl)) : config.dir;
    const patterns = Object.keys(config.paths ?? {})
      .map((pattern) => ({ pattern, star: matchPattern(pattern, specifier) }))
      .filter((m): m is { pattern: string; star: string } => m.star !== undefined)
      .sort((a, b) => prefixLength(b.pattern) - prefixLength(a.pattern));
    const found: string[] = [];
    for (const { pattern, star } of patterns) {
      for (const target of config.paths![pattern]!) found.push(...candidates(normalize(posix.join(root, target.replace('*', star)))));
    }
    // `baseUrl` alone makes `src/db` name `<baseUrl>/src/db`, when such a file exists.
    if (config.baseUrl !== undefined) found.push(...candidates(normalize(posix.join(root, specifier))));
    return [...found, ...inWorkspace];
  }

  private first(paths: readonly string[]): string | undefined {
    for (const path of paths) {
      const found = this.files.get(path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

function prefixLength(pattern: string): number {
  const star = pattern.indexOf('*');
  return star === -1 ? Number.MAX_SAFE_INTEGER : star;
}

/** What `*` stands for when `specifier` matches the `paths` pattern (`''` for an exact key). */
function matchPattern(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === specifier ? '' : undefined;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) return undefined;
  return specifier.slice(prefix.length, specifier.length - suffix.length);
}
