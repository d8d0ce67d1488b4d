import * as path from 'node:path';
import { compareStrings } from '../../../rules/src/discovery/paths';
import { selectProjectFiles } from '../../../rules/src/discovery/project-files';
import { readSource } from '../../../rules/src/discovery/read-source';
import type { WorkspaceScope } from './job';

/** Texts kept between analyses, at most (UTF-16: two bytes a character); a larger workspace is read again each time. */
const MAX_KEPT_TEXT_BYTES = 256 * 1024 * 1024;
/** Workspace folders whose files are kept (the last used). */
const KEPT_FOLDERS = 4;

interface FolderFiles {
  /** What the selection depends on besides the files: a change walks the folder again. */
  readonly key: string;
  /** Root-relative path → text, sorted by path. */
  readonly texts: Map<string, string>;
  /** Whether `texts` may be reused (the workspace fits the budget). */
  readonly kept: boolean;
}

/**
 * The files of each workspace folder as the CLI selects them when started there (the same
 * extensions, `.gitignore` files, vendor and test folders, configuration globs, build output
 * and size limit: `rules/src/discovery/`), kept between analyses in the analysis worker: the
 * folder is walked once, then a file is read again only when the client's watcher says it
 * changed, and walked again when files were created or deleted.
 */
export class WorkspaceFiles {
  private readonly folders = new Map<string, FolderFiles>();

  async of(root: string, scope: WorkspaceScope, maxFileSize: number): Promise<{ path: string; text: string }[]> {
    const { changed, rescan, ...selection } = scope;
    const key = JSON.stringify([selection, maxFileSize]);
    let folder = this.folders.get(root);
    this.folders.delete(root); // re-inserted below: the map's order is the order of last use
    if (folder && folder.key === key && folder.kept && !rescan) {
      folder = await this.reread(root, folder, changed, maxFileSize);
    } else {
      folder = await this.walk(root, key, folder?.kept && folder.key === key ? folder : undefined, changed, scope, maxFileSize);
    }
    this.folders.set(root, folder);
    while (this.folders.size > KEPT_FOLDERS) this.folders.delete(this.folders.keys().next().value!);
    return [...folder.texts].map(([file, text]) => ({ path: file, text }));
  }

  /** A walk of the folder; the texts of a previous walk are reused for the files that did not change. */
  private async walk(root: string, key: string, previous: FolderFiles | undefined, changed: readonly string[], scope: WorkspaceScope, maxFileSize: number): Promise<FolderFiles> {
    const stale = new Set(changed);
    const selection = await selectProjectFiles(
      {
        paths: ['.'],
        cwd: root,
        respectIgnoreFiles: scope.respectIgnoreFiles,
        includeVendor: scope.includeVendor,
        includeTests: scope.includeTests,
        includeGenerated: scope.includeGenerated,
        maxFileSize,
        ignoreGlobs: scope.ignoreGlobs,
        root: scope.configRoot,
      },
      {
        knownText: (absPath) => {
          const file = relative(root, absPath);
          return stale.has(file) ? undefined : previous?.texts.get(file);
        },
      },
    );
    const texts = new Map(selection.sources.map((source) => [source.displayPath, source.text] as const));
    return { key, texts, kept: sizeOf(texts) <= MAX_KEPT_TEXT_BYTES };
  }

  /** The changed files read again; one that can no longer be read (deleted, now too large) leaves the project. */
  private async reread(root: string, folder: FolderFiles, changed: readonly string[], maxFileSize: number): Promise<FolderFiles> {
    if (changed.length === 0) return folder;
    const texts = new Map(folder.texts);
    for (const file of changed) {
      if (!texts.has(file)) continue; // not part of the project (ignored, vendor, another extension)
      const source = await readSource(path.resolve(root, file), { maxFileSize });
      if (source.kind === 'ok') texts.set(file, source.text);
      else texts.delete(file);
    }
    return { key: folder.key, texts, kept: sizeOf(texts) <= MAX_KEPT_TEXT_BYTES };
  }
}

function relative(root: string, absPath: string): string {
  return path.relative(root, absPath).split(path.sep).join('/');
}

function sizeOf(texts: ReadonlyMap<string, string>): number {
  let bytes = 0;
  for (const text of texts.values()) bytes += text.length * 2;
  return bytes;
}

export const sortedByPath = <T extends { path: string }>(files: T[]): T[] => files.sort((a, b) => compareStrings(a.path, b.path));
