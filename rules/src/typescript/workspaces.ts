import * as posix from 'node:path/posix';
import picomatch from 'picomatch';
import { normalizePath, parseTsConfigJson } from '../../../core/src';
import type { ProjectHost } from '../api';
import { foldersAbove, inFolder, readJsonObject } from './folders';
import { splitSpecifier } from '../../../core/src';
import { exportTargets } from './package-manifest';

/**
 * Workspaces (npm/yarn `package.json` `workspaces`, `pnpm-workspace.yaml`): the packages of
 * a monorepo by name, so `import { Database } from '@shop/db'` in `apps/api` leads to the
 * sources of `packages/db`, through the package's `exports` (or `types`/`main`) and, when
 * those name the build output, back to the sources through its tsconfig's `outDir`/`rootDir`.
 * Everything is read through the host, once per folder.
 */

/** Where a package's build output lies and the sources it is built from (relative to cwd). */
export interface BuildFolders {
  readonly outDir: string;
  readonly rootDir: string;
}

/** Folders under a workspace glob such as `packages/**` are searched this deep at most. */
const MAX_GLOB_DEPTH = 4;
/** A workspace with more packages than this is cut (the rest are not resolved by name). */
const MAX_PACKAGES = 2000;
/** Conditions of `exports` tried first: the types name the sources' shape best. */
const PREFERRED_CONDITIONS = ['types', 'typings', 'source'];

export class TsWorkspaces {
  /** Folder → the workspace root above it (null: none). */
  private readonly roots = new Map<string, string | null>();
  /** Workspace root → package name → package folder. */
  private readonly packages = new Map<string, Map<string, string>>();

  constructor(
    private readonly host: ProjectHost,
    private readonly levelsAbove: number,
    /** The build folders of a package (from its tsconfig), to map `dist/` back to `src/`. */
    private readonly buildFoldersOf: (packageFolder: string) => BuildFolders | undefined = () => undefined,
  ) {}

  /** The folder of the workspace package `name`, seen from `from` (a file in the workspace). */
  packageFolder(from: string, name: string): string | undefined {
    const root = this.rootOf(from);
    return root === undefined ? undefined : this.packagesOf(root).get(name);
  }

  /**
   * The module paths a bare specifier names when its package belongs to the workspace of
   * `from`, best first (sources before build output); undefined when it is no such package.
   */
  modulePaths(from: string, specifier: string): string[] | undefined {
    const { name, subpath } = splitSpecifier(specifier);
    if (name === undefined) return undefined;
    const folder = this.packageFolder(from, name);
    if (folder === undefined) return undefined;
    const manifest = readJsonObject(this.host, inFolder(folder, 'package.json'), parseTsConfigJson) ?? {};
    const targets = manifest.exports !== undefined ? exportTargets(manifest.exports, subpath, PREFERRED_CONDITIONS) : mainTargets(manifest, subpath);
    const build = this.buildFoldersOf(folder);
    const found: string[] = [];
    for (const target of targets) {
      const path = normalizePath(posix.join(folder, target));
      const stem = withoutDeclarationExtension(path);
      const source = build ? fromBuildFolder(stem, build) : undefined;
      if (source !== undefined) found.push(source);
      found.push(stem);
    }
    return [...new Set(found)];
  }

  /**
   * The folder of the workspace package a file lies in (the innermost member of the workspace
   * above it), or undefined when it lies in none: the workspace root itself is no member.
   */
  memberPackageOf(file: string): string | undefined {
    const root = this.rootOf(file);
    if (root === undefined) return undefined;
    const members = new Set(this.packagesOf(root).values());
    return foldersAbove(file, this.levelsAbove).find((folder) => members.has(folder));
  }

  private rootOf(from: string): string | undefined {
    const walked: string[] = [];
    let root: string | null = null;
    for (const folder of foldersAbove(from, this.levelsAbove)) {
      const known = this.roots.get(folder);
      if (known !== undefined) {
        root = known;
        break;
      }
      walked.push(folder);
      if (this.declaresWorkspace(folder)) {
        root = folder;
        break;
      }
    }
    // Every folder walked shares the answer: imports of `pg` from a thousand files read each
    // `package.json` above them once.
    for (const folder of walked) this.roots.set(folder, root);
    return root ?? undefined;
  }

  private declaresWorkspace(folder: string): boolean {
    return this.patternsOf(folder) !== undefined;
  }

  /** The workspace globs a folder declares, or undefined when it is no workspace root. */
  private patternsOf(folder: string): string[] | undefined {
    const pnpm = this.host.readFile(inFolder(folder, 'pnpm-workspace.yaml'));
    if (pnpm !== undefined) return pnpmPackagePatterns(pnpm);
    const manifest = readJsonObject(this.host, inFolder(folder, 'package.json'), parseTsConfigJson);
    const declared = manifest?.workspaces;
    const list = Array.isArray(declared) ? declared : declared && typeof declared === 'object' ? (declared as { packages?: unknown }).packages : undefined;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : undefined;
  }

  private packagesOf(root: string): Map<string, string> {
    const known = this.packages.get(root);
    if (known) return known;
    const byName = new Map<string, string>();
    const patterns = this.patternsOf(root) ?? [];
    const excluded = patterns.filter((p) => p.startsWith('!')).map((p) => picomatch(stripDotSlash(p.slice(1))));
    const folders = new Set<string>();
    for (const pattern of patterns) {
      if (pattern.startsWith('!')) continue;
      for (const folder of this.expand(root, stripDotSlash(pattern))) folders.add(folder);
    }
    for (const folder of [...folders].sort()) {
      if (byName.size >= MAX_PACKAGES) break;
      const relative = posix.relative(root, folder);
      if (excluded.some((isExcluded) => isExcluded(relative))) continue;
      const name = readJsonObject(this.host, inFolder(folder, 'package.json'), parseTsConfigJson)?.name;
      if (typeof name === 'string' && !byName.has(name)) byName.set(name, folder);
    }
    this.packages.set(root, byName);
    return byName;
  }

  /** The folders a workspace glob (`apps/*`, `packages/**`, `tools/cli`) names under `root`. */
  private expand(root: string, pattern: string): string[] {
    let current = [root];
    for (const segment of pattern.split('/').filter((s) => s !== '' && s !== '.')) {
      if (segment === '**') {
        current = current.flatMap((folder) => [folder, ...this.descendants(folder, MAX_GLOB_DEPTH)]);
      } else if (picomatch.scan(segment).isGlob) {
        const matches = picomatch(segment);
        current = current.flatMap((folder) => this.children(folder).filter((child) => matches(posix.basename(child))));
      } else {
        current = current.map((folder) => inFolder(folder, segment));
      }
    }
    return current;
  }

  private children(folder: string): string[] {
    return (this.host.listFolders?.(folder) ?? [])
      .map((child) => normalizePath(child))
      .filter((child) => {
        const name = posix.basename(child);
        return name !== 'node_modules' && !name.startsWith('.');
      });
  }

  private descendants(folder: string, depth: number): string[] {
    if (depth === 0) return [];
    return this.children(folder).flatMap((child) => [child, ...this.descendants(child, depth - 1)]);
  }
}

/** Without `exports`: `types`/`typings`, `module`, `main`, else `index`; a subpath names a file of the package. */
function mainTargets(manifest: Record<string, unknown>, subpath: string): string[] {
  if (subpath !== '.') return [subpath];
  const fields = ['types', 'typings', 'module', 'main'].map((field) => manifest[field]).filter((v): v is string => typeof v === 'string');
  return [...fields, './index'];
}

/** `dist/index.d.ts` → `dist/index` (then tried as `.ts`, `.js`…): a declaration names its module. */
function withoutDeclarationExtension(path: string): string {
  for (const ext of ['.d.ts', '.d.mts', '.d.cts']) if (path.endsWith(ext)) return path.slice(0, -ext.length);
  return path;
}

/** `packages/db/dist/index.js` → `packages/db/src/index.js` when `dist` is the output of `src`. */
function fromBuildFolder(path: string, build: BuildFolders): string | undefined {
  const relative = posix.relative(build.outDir, path);
  if (relative === '' || relative.startsWith('..') || posix.isAbsolute(relative)) return undefined;
  return normalizePath(posix.join(build.rootDir, relative));
}

function stripDotSlash(pattern: string): string {
  return pattern.startsWith('./') ? pattern.slice(2) : pattern;
}

/**
 * The `packages:` globs of a `pnpm-workspace.yaml`. Only that list matters, written as a
 * block sequence of plain or quoted strings, so this reads it line by line rather than
 * taking a YAML dependency.
 */
export function pnpmPackagePatterns(text: string): string[] {
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indented = line.startsWith(' ') || line.startsWith('\t');
    if (!indented && !trimmed.startsWith('-')) {
      inPackages = trimmed === 'packages:';
      continue;
    }
    if (!inPackages || !trimmed.startsWith('-')) continue;
    let item = trimmed.slice(1).trim();
    const comment = item.indexOf(' #');
    if (comment !== -1) item = item.slice(0, comment).trim();
    if ((item.startsWith("'") && item.endsWith("'")) || (item.startsWith('"') && item.endsWith('"'))) item = item.slice(1, -1);
    if (item !== '') patterns.push(item);
  }
  return patterns;
}
