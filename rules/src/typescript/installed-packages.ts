import * as posix from 'node:path/posix';
import { normalizePath, parseTsConfigJson } from '../../../core/src';
import type { ProjectHost } from '../api';
import { foldersAbove, inFolder, readJsonObject } from './folders';
import { splitSpecifier } from '../../../core/src';
import { exportTargets } from './package-manifest';

/**
 * Packages installed in `node_modules`, found as Node finds them: from the importing file's
 * folder upwards, `node_modules/<name>/package.json`; the module a specifier names is what
 * the package's `exports` give it for Node (`node`, `require`, `default`, `import`), else its
 * `main`. Everything is read through the host, nothing is run; answers are remembered per
 * folder and specifier.
 */

/** An installed package and the module file a specifier names in it. */
export interface InstalledModule {
  readonly name: string;
  readonly version: string;
  /** The package's folder, as the analysis names paths. */
  readonly root: string;
  /** `.` or `./sub`: what the specifier names inside the package. */
  readonly subpath: string;
}

/** A package not installed anywhere above the importing file. */
export type MissingModule = { readonly missing: 'not-installed'; readonly name: string };

/** Conditions of `exports` Node itself uses, best first. */
const NODE_CONDITIONS = ['node', 'require', 'default', 'import'];
/** Module files a target may name (after Node's extension search). */
const MODULE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.mts', '.cts'];

export class InstalledPackages {
  /** `<folder>\0<name>` → the package folder, or null when none above. */
  private readonly roots = new Map<string, string | null>();
  private readonly manifests = new Map<string, Record<string, unknown> | null>();

  constructor(
    private readonly host: ProjectHost,
    private readonly levelsAbove: number,
  ) {}

  /**
   * The installed package a bare specifier names from `from`, with its version (read from
   * its `package.json` only: enough to find what is known of it in a cache).
   */
  find(from: string, specifier: string): InstalledModule | MissingModule | undefined {
    const { name, subpath } = splitSpecifier(specifier);
    if (name === undefined) return undefined;
    const root = this.rootOf(posix.dirname(normalizePath(from)), name, from);
    if (root === undefined) return { missing: 'not-installed', name };
    const manifest = this.manifest(root) ?? {};
    const version = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
    return { name, version, root, subpath };
  }

  /** The JavaScript (or TypeScript) file Node loads for the module; undefined when the package has none for it. */
  entryOf(module: InstalledModule): string | undefined {
    const manifest = this.manifest(module.root) ?? {};
    const targets = manifest.exports !== undefined ? exportTargets(manifest.exports, module.subpath, NODE_CONDITIONS) : mainTargets(manifest, module.subpath);
    for (const target of targets) {
      if (isDeclaration(target)) continue;
      const entry = this.existing(normalizePath(posix.join(module.root, target)));
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  private rootOf(folder: string, name: string, from: string): string | undefined {
    const key = `${folder}\0${name}`;
    if (this.roots.has(key)) return this.roots.get(key) ?? undefined;
    let found: string | undefined;
    for (const above of foldersAbove(from, this.levelsAbove)) {
      // `node_modules/a/node_modules/b`: a package's own dependencies come first, as for Node.
      if (posix.basename(above) === 'node_modules') continue;
      const candidate = inFolder(above, `node_modules/${name}`);
      if (this.manifest(candidate) !== undefined) {
        found = candidate;
        break;
      }
    }
    this.roots.set(key, found ?? null);
    return found;
  }

  private manifest(root: string): Record<string, unknown> | undefined {
    if (!this.manifests.has(root)) this.manifests.set(root, readJsonObject(this.host, inFolder(root, 'package.json'), parseTsConfigJson) ?? null);
    return this.manifests.get(root) ?? undefined;
  }

  /** The file a target names: itself, with an extension, or its folder's `index`. */
  private existing(path: string): string | undefined {
    const candidates = MODULE_EXTENSIONS.some((ext) => path.endsWith(ext)) ? [path] : [];
    candidates.push(...MODULE_EXTENSIONS.map((ext) => `${path}${ext}`), ...MODULE_EXTENSIONS.map((ext) => `${path}/index${ext}`));
    return candidates.find((candidate) => this.host.readFile(candidate) !== undefined);
  }
}

/** Without `exports`: `main` (else `index`) for the package; a subpath names a file of it. */
function mainTargets(manifest: Record<string, unknown>, subpath: string): string[] {
  if (subpath !== '.') return [subpath];
  return [...(typeof manifest.main === 'string' ? [manifest.main] : []), './index'];
}

function isDeclaration(path: string): boolean {
  return ['.d.ts', '.d.mts', '.d.cts'].some((ext) => path.endsWith(ext));
}
