import * as posix from 'node:path/posix';
import picomatch from 'picomatch';
import { normalizePath, parseTsConfigJson, splitSpecifier, type TsPathConfig } from '../../../core/src';
import type { ProjectHost } from '../api';
import { foldersAbove, inFolder, readJsonObject } from './folders';
import type { BuildFolders } from './workspaces';

/**
 * The TypeScript project a file belongs to, as the editor's project service finds it: the
 * nearest `tsconfig.json` above the file that includes it (or a config it `references`
 * that does: a solution-style `tsconfig.json` with `tsconfig.app.json` beside it), else
 * the nearest one. `extends` is followed (relative paths, packages of the workspace and
 * `node_modules`), so options, `include` and `baseUrl`/`paths` set in a shared base
 * config apply. The answer depends on the file's path only, never on the folder the run
 * started from. Configs are read through the host, once each.
 */
export interface TsProject {
  /** The config file (`apps/api/tsconfig.json`), as the analysis names paths. */
  readonly path: string;
  /** `compilerOptions` after `extends`, JSON values as written. */
  readonly compilerOptions: Readonly<Record<string, unknown>>;
  /** `baseUrl` and `paths` for module resolution. */
  readonly paths: TsPathConfig;
  /** The build output and its sources, when the config says (`outDir`, `rootDir`). */
  readonly build?: BuildFolders;
  /** Whether `files`/`include`/`exclude` take the file in. */
  includes(file: string): boolean;
  /** The configs this one `references`. */
  readonly references: readonly string[];
}

/** `extends` chains longer than this are cut (TypeScript has no bound; real chains have 2–3). */
const MAX_EXTENDS_DEPTH = 8;
/** `references` are followed this deep to find the config that includes a file. */
const MAX_REFERENCE_DEPTH = 3;
/** Folders TypeScript leaves out when a config names no `exclude`. */
const DEFAULT_EXCLUDES = ['node_modules', 'bower_components', 'jspm_packages'];

interface FileList {
  readonly patterns: readonly string[];
  /** The folder of the config that wrote them: they are relative to it. */
  readonly dir: string;
}

/** A config with its `extends` applied. */
interface LoadedConfig {
  readonly compilerOptions: Record<string, unknown>;
  /** Resolved against the config that sets it. */
  readonly baseUrl?: string;
  readonly paths?: { readonly map: Readonly<Record<string, readonly string[]>>; readonly dir: string };
  readonly outDir?: string;
  readonly rootDir?: string;
  readonly files?: FileList;
  readonly include?: FileList;
  readonly exclude?: FileList;
}

export class TsConfigs {
  private readonly loaded = new Map<string, LoadedConfig | null>();
  private readonly projects = new Map<string, TsProject | null>();
  private readonly byFile = new Map<string, TsProject | null>();

  constructor(
    private readonly host: ProjectHost | undefined,
    private readonly levelsAbove: number,
    /** The folder of a workspace package by name, for `"extends": "@repo/tsconfig/base.json"`. */
    private readonly packageFolder: (from: string, name: string) => string | undefined = () => undefined,
  ) {}

  get hasHost(): boolean {
    return this.host !== undefined;
  }

  /**
   * The project of a file: a `tsconfig.json` (type-aware mode), or with `jsconfig`, a
   * `jsconfig.json` too (module resolution only, for JavaScript).
   */
  projectOf(file: string, jsconfig = false): TsProject | undefined {
    if (!this.host) return undefined;
    const key = `${jsconfig ? 'js' : 'ts'}:${normalizePath(file)}`;
    const known = this.byFile.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.findProject(normalizePath(file), jsconfig) ?? null;
    this.byFile.set(key, found);
    return found ?? undefined;
  }

  /** `baseUrl` and `paths` of the project of a file (a `jsconfig.json` counts). */
  pathConfig(file: string): TsPathConfig | undefined {
    return this.projectOf(file, true)?.paths;
  }

  /**
   * The build folders of a package: those of its own `tsconfig.json`, else those of a config
   * its `package.json` scripts build with (`tsc -p ./build/tsconfig.build.json`: vendure's
   * packages keep `outDir` there, not in `tsconfig.json`).
   */
  buildFolders(packageFolder: string): BuildFolders | undefined {
    const own = this.project(inFolder(packageFolder, 'tsconfig.json'))?.build;
    if (own || !this.host) return own;
    const manifest = readJsonObject(this.host, inFolder(packageFolder, 'package.json'), parseTsConfigJson);
    for (const config of builtConfigs(manifest?.scripts)) {
      const target = normalizePath(posix.join(packageFolder, config));
      const build = this.project(target.endsWith('.json') ? target : inFolder(target, 'tsconfig.json'))?.build;
      if (build) return build;
    }
    return undefined;
  }

  private findProject(file: string, jsconfig: boolean): TsProject | undefined {
    let nearest: TsProject | undefined;
    for (const folder of foldersAbove(file, this.levelsAbove)) {
      const config = this.project(inFolder(folder, 'tsconfig.json')) ?? (jsconfig ? this.project(inFolder(folder, 'jsconfig.json')) : undefined);
      if (!config) continue;
      nearest ??= config;
      const owner = this.owner(config, file, 0, new Set());
      if (owner) return owner;
    }
    // No config takes the file in (a script beside `src/`): the nearest one's options still
    // describe it best, as an editor's inferred project would.
    return nearest;
  }

  /** The config, or one it references, that includes the file. */
  private owner(config: TsProject, file: string, depth: number, seen: Set<string>): TsProject | undefined {
    if (seen.has(config.path)) return undefined;
    seen.add(config.path);
    if (config.includes(file)) return config;
    if (depth >= MAX_REFERENCE_DEPTH) return undefined;
    for (const reference of config.references) {
      const referenced = this.project(reference);
      const owner = referenced && this.owner(referenced, file, depth + 1, seen);
      if (owner) return owner;
    }
    return undefined;
  }

  private project(path: string): TsProject | undefined {
    const known = this.projects.get(path);
    if (known !== undefined) return known ?? undefined;
    const raw = readJsonObject(this.host!, path, parseTsConfigJson);
    const loaded = raw ? this.load(path, 0, new Set()) : undefined;
    const project = raw && loaded ? toProject(path, raw, loaded) : null;
    this.projects.set(path, project);
    return project ?? undefined;
  }

  /** A config with what it `extends` applied (bases first, the config's own values last). */
  private load(path: string, depth: number, seen: Set<string>): LoadedConfig | undefined {
    const known = this.loaded.get(path);
    if (known !== undefined) return known ?? undefined;
    if (seen.has(path) || depth > MAX_EXTENDS_DEPTH) return undefined;
    seen.add(path);
    const raw = readJsonObject(this.host!, path, parseTsConfigJson);
    if (!raw) return undefined;
    const dir = posix.dirname(path);
    const bases = (Array.isArray(raw.extends) ? raw.extends : [raw.extends])
      .filter((e): e is string => typeof e === 'string')
      .map((spec) => this.resolveExtends(dir, spec))
      .map((base) => (base === undefined ? undefined : this.load(base, depth + 1, seen)))
      .filter((base): base is LoadedConfig => base !== undefined);
    let merged: LoadedConfig = { compilerOptions: {} };
    for (const base of bases) merged = mergeConfig(merged, base);
    const loaded = mergeConfig(merged, ownConfig(raw, dir));
    this.loaded.set(path, loaded);
    return loaded;
  }

  /** The file an `extends` names: a path, a file of a workspace package, or of `node_modules`. */
  private resolveExtends(dir: string, spec: string): string | undefined {
    const readable = (path: string): string | undefined => (this.host!.readFile(path) !== undefined ? path : undefined);
    const asFile = (path: string): string | undefined =>
      readable(path) ?? (path.endsWith('.json') ? undefined : (readable(`${path}.json`) ?? readable(inFolder(path, 'tsconfig.json'))));
    if (spec.startsWith('.') || spec.startsWith('/')) return asFile(normalizePath(posix.join(dir, spec)));
    const split = splitSpecifier(spec);
    const name = split.name ?? spec;
    const rest = split.subpath === '.' ? '' : split.subpath.slice(2);
    const inPackage = (folder: string): string | undefined => {
      if (rest !== '') return asFile(inFolder(folder, rest));
      const manifest = readJsonObject(this.host!, inFolder(folder, 'package.json'), parseTsConfigJson);
      const declared = typeof manifest?.tsconfig === 'string' ? asFile(inFolder(folder, manifest.tsconfig)) : undefined;
      return declared ?? asFile(inFolder(folder, 'tsconfig.json'));
    };
    const workspace = this.packageFolder(inFolder(dir, 'tsconfig.json'), name);
    if (workspace !== undefined) {
      const found = inPackage(workspace);
      if (found) return found;
    }
    for (const folder of foldersAbove(inFolder(dir, 'tsconfig.json'), this.levelsAbove)) {
      const found = inPackage(inFolder(folder, `node_modules/${name}`));
      if (found) return found;
    }
    return undefined;
  }
}

/** What a config file itself says, its relative paths resolved against its folder. */
function ownConfig(raw: Record<string, unknown>, dir: string): LoadedConfig {
  const options = raw.compilerOptions && typeof raw.compilerOptions === 'object' && !Array.isArray(raw.compilerOptions) ? (raw.compilerOptions as Record<string, unknown>) : {};
  // A `${configDir}` path is the folder of the config that ends the `extends` chain: kept as
  // written here, resolved by `atLeaf` for each config that uses it.
  const at = (value: unknown): string | undefined =>
    typeof value === 'string' ? (value.startsWith(CONFIG_DIR) ? value : normalizePath(posix.join(dir, value))) : undefined;
  const list = (value: unknown): FileList | undefined => (Array.isArray(value) ? { patterns: value.filter((v): v is string => typeof v === 'string'), dir } : undefined);
  const paths = pathsOf(options.paths);
  const baseUrl = at(options.baseUrl);
  const outDir = at(options.outDir);
  const rootDir = at(options.rootDir);
  const files = list(raw.files);
  const include = list(raw.include);
  const exclude = list(raw.exclude);
  return {
    compilerOptions: options,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(paths ? { paths: { map: paths, dir } } : {}),
    ...(outDir !== undefined ? { outDir } : {}),
    ...(rootDir !== undefined ? { rootDir } : {}),
    ...(files ? { files } : {}),
    ...(include ? { include } : {}),
    ...(exclude ? { exclude } : {}),
  };
}

function pathsOf(value: unknown): Record<string, string[]> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const paths: Record<string, string[]> = {};
  for (const [key, targets] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(targets)) paths[key] = targets.filter((t): t is string => typeof t === 'string');
  }
  return paths;
}

/** `extends`: the later config's values win, option by option; file lists as a whole. */
function mergeConfig(base: LoadedConfig, over: LoadedConfig): LoadedConfig {
  const pick = <K extends keyof LoadedConfig>(key: K): Partial<Pick<LoadedConfig, K>> => {
    const value = over[key] ?? base[key];
    return value === undefined ? {} : ({ [key]: value } as Partial<Pick<LoadedConfig, K>>);
  };
  return {
    compilerOptions: { ...base.compilerOptions, ...over.compilerOptions },
    ...pick('baseUrl'),
    ...pick('paths'),
    ...pick('outDir'),
    ...pick('rootDir'),
    ...pick('files'),
    ...pick('include'),
    ...pick('exclude'),
  };
}

/** TypeScript 5.5's template for the folder of the config a shared base is used by. */
const CONFIG_DIR = '${configDir}';

/**
 * The config with its `${configDir}` paths resolved against `dir`, the folder of the config
 * that uses it (`"outDir": "${configDir}/dist"` and `"include": ["${configDir}/src"]` in a
 * monorepo's shared base config).
 */
function atLeaf(config: LoadedConfig, dir: string): LoadedConfig {
  const leaf = (value: string): string => normalizePath(posix.join(dir, value.slice(CONFIG_DIR.length)));
  const path = (value: string | undefined): string | undefined => (value?.startsWith(CONFIG_DIR) ? leaf(value) : value);
  const list = (files: FileList | undefined): FileList | undefined => {
    if (!files || !files.patterns.some((p) => p.startsWith(CONFIG_DIR))) return files;
    if (files.patterns.every((p) => p.startsWith(CONFIG_DIR))) return { patterns: files.patterns.map((p) => posix.relative(dir, leaf(p)) || '.'), dir };
    return { patterns: files.patterns.map((p) => (p.startsWith(CONFIG_DIR) ? posix.relative(files.dir, leaf(p)) : p)), dir: files.dir };
  };
  const baseUrl = path(config.baseUrl);
  const outDir = path(config.outDir);
  const rootDir = path(config.rootDir);
  const files = list(config.files);
  const include = list(config.include);
  const exclude = list(config.exclude);
  return {
    compilerOptions: config.compilerOptions,
    ...(config.paths ? { paths: config.paths } : {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(outDir !== undefined ? { outDir } : {}),
    ...(rootDir !== undefined ? { rootDir } : {}),
    ...(files ? { files } : {}),
    ...(include ? { include } : {}),
    ...(exclude ? { exclude } : {}),
  };
}

function toProject(path: string, raw: Record<string, unknown>, loaded: LoadedConfig): TsProject {
  const dir = posix.dirname(path);
  const config = atLeaf(loaded, dir);
  // A `baseUrl` is relative to the config that sets it; `paths` to the `baseUrl`, else to their config.
  const pathsDir = config.baseUrl ?? config.paths?.dir ?? dir;
  const paths: TsPathConfig = {
    dir: pathsDir,
    ...(config.baseUrl !== undefined ? { baseUrl: '.' } : {}),
    ...(config.paths ? { paths: config.paths.map } : {}),
  };
  const references = (Array.isArray(raw.references) ? raw.references : [])
    .map((reference) => (reference && typeof reference === 'object' ? (reference as { path?: unknown }).path : undefined))
    .filter((p): p is string => typeof p === 'string')
    .map((p) => {
      const target = normalizePath(posix.join(dir, p));
      return target.endsWith('.json') ? target : inFolder(target, 'tsconfig.json');
    });
  const build = config.outDir !== undefined ? { outDir: config.outDir, rootDir: config.rootDir ?? singleRootDirs(config.compilerOptions, dir) ?? sourceFolder(config) ?? dir } : undefined;
  return { path, compilerOptions: config.compilerOptions, paths, ...(build ? { build } : {}), includes: membership(config, dir), references };
}

/** Scripts' `tsc -p <config>` / `tsc --project <config>`, in the order written (at most a few). */
function builtConfigs(scripts: unknown): string[] {
  if (!scripts || typeof scripts !== 'object' || Array.isArray(scripts)) return [];
  const found: string[] = [];
  for (const script of Object.values(scripts as Record<string, unknown>)) {
    if (typeof script !== 'string') continue;
    const words = script.split(/\s+/);
    let inTsc = false;
    for (let i = 0; i < words.length && found.length < 4; i++) {
      const word = words[i]!;
      if (word === '&&' || word === '||' || word === ';' || word === '|') inTsc = false;
      else if (word === 'tsc' || word.endsWith('/tsc')) inTsc = true;
      else if (inTsc && (word === '-p' || word === '--project') && words[i + 1] && !found.includes(words[i + 1]!)) found.push(words[i + 1]!);
    }
  }
  return found;
}

/** `"rootDirs": ["../src"]` with one folder (and no `rootDir`): the sources the output is built from. */
function singleRootDirs(options: Record<string, unknown>, dir: string): string | undefined {
  const rootDirs = Array.isArray(options.rootDirs) ? options.rootDirs.filter((d): d is string => typeof d === 'string') : [];
  return rootDirs.length === 1 ? normalizePath(posix.join(dir, rootDirs[0]!)) : undefined;
}

/** `"include": ["src"]` without a `rootDir`: the sources the output is built from. */
function sourceFolder(config: LoadedConfig): string | undefined {
  const only = config.include?.patterns.length === 1 ? config.include.patterns[0]! : undefined;
  if (only === undefined || picomatch.scan(only).isGlob) return undefined;
  return normalizePath(posix.join(config.include!.dir, only));
}

/**
 * TypeScript's `files`/`include`/`exclude`: with neither `files` nor `include`, everything
 * under the config; an include whose last part has no wildcard and no extension is a folder.
 * `exclude` (default: `node_modules` and the like, and the `outDir`) removes from `include`
 * only, never from `files`.
 */
function membership(config: LoadedConfig, configDir: string): (file: string) => boolean {
  const listed = new Set((config.files?.patterns ?? []).map((f) => normalizePath(posix.join(config.files!.dir, f))));
  const include = config.include ?? (config.files ? undefined : { patterns: ['**/*'], dir: configDir });
  const exclude = config.exclude ?? { patterns: DEFAULT_EXCLUDES, dir: configDir };
  const isIncluded = include ? matcher(include.patterns.map((p) => globOf(p, true))) : () => false;
  const isExcluded = matcher(exclude.patterns.flatMap((p) => [globOf(p, false), `${globOf(p, false)}/**`]));
  const outDir = config.exclude ? undefined : config.outDir;
  return (file) => {
    const normal = normalizePath(file);
    if (listed.has(normal)) return true;
    if (!include || !under(include.dir, normal, isIncluded)) return false;
    if (outDir !== undefined && under(outDir, normal, () => true)) return false;
    return !under(exclude.dir, normal, isExcluded);
  };
}

function matcher(globs: readonly string[]): (path: string) => boolean {
  return globs.length > 0 ? picomatch([...globs]) : () => false;
}

/** Whether a file lies under a folder and, relative to it, matches. */
function under(dir: string, file: string, matches: (relative: string) => boolean): boolean {
  const relative = dir === '.' || dir === '' ? file : posix.relative(dir, file);
  if (relative === '' || relative === '..' || relative.startsWith('../') || posix.isAbsolute(relative)) return false;
  return matches(relative);
}

/** A tsconfig file pattern as a glob: `src` (a folder) → `src/**`; `./x` → `x`. */
function globOf(pattern: string, include: boolean): string {
  let glob = pattern.startsWith('./') ? pattern.slice(2) : pattern;
  if (glob.endsWith('/')) glob = glob.slice(0, -1);
  const last = glob.split('/').pop() ?? '';
  if (include && !picomatch.scan(last).isGlob && !last.includes('.')) return glob === '' ? '**' : `${glob}/**`;
  return glob;
}
