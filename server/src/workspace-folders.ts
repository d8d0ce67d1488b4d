import * as path from 'node:path';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { filePathOf, isInside } from './workspace-analysis';

/**
 * The workspace folders the client opened. Each folder is one project, analysed as the CLI
 * analyses its working directory; a file outside every folder is a project of its own folder.
 */
export class WorkspaceFolders {
  private folders: { uri: string; path: string }[] = [];

  set(folders: readonly WorkspaceFolder[]): void {
    this.folders = [];
    this.change(folders, []);
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    this.folders = this.folders.filter((f) => !gone.has(f.uri));
    for (const folder of added) {
      const file = filePathOf(folder.uri);
      if (file !== undefined) this.folders.push({ uri: folder.uri, path: file });
    }
    // Nested folders: the innermost that holds a file is its project.
    this.folders.sort((a, b) => b.path.length - a.path.length);
  }

  private folderOf(uri: string) {
    const file = filePathOf(uri);
    return file === undefined ? undefined : this.folders.find((f) => isInside(f.path, file));
  }

  /** Whether `root` (absolute) is one of the workspace folders: a project indexed whole. */
  isWorkspaceFolder(root: string): boolean {
    return this.folders.some((f) => f.path === root);
  }

  /** The workspace folders' paths (absolute). */
  paths(): string[] {
    return this.folders.map((f) => f.path);
  }

  /** The URI settings are asked for: the workspace folder's, else the document's own. */
  folderUriOf(uri: string): string | undefined {
    return this.folderOf(uri)?.uri;
  }

  /** The folder a document's project is analysed from (absolute); undefined for a document that is not a file. */
  projectRootOf(uri: string): string | undefined {
    const folder = this.folderOf(uri);
    if (folder) return folder.path;
    const file = filePathOf(uri);
    return file === undefined ? undefined : path.dirname(file);
  }
}
