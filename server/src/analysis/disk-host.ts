import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSource } from '../../../core/src';
import type { ProjectHost } from '../../../rules/src/api';

/**
 * Reads what the analysis needs but was not given (an included bootstrap, a tsconfig the
 * project extends), relative to the project's folder and up to the file system's root, as
 * the CLI does from its working directory. The editor's unsaved texts win over the disk,
 * so editing an included file changes its includers' findings before it is saved.
 */
export function diskHost(root: string, overlays: ReadonlyMap<string, string>, maxFileSize: number): ProjectHost {
  const absolute = (file: string): string => path.resolve(root, file);
  const entries = (dir: string): fs.Dirent[] | undefined => {
    try {
      return fs.readdirSync(absolute(dir), { withFileTypes: true });
    } catch {
      return undefined;
    }
  };
  const joined = (dir: string, name: string): string => (dir === '.' ? name : `${dir}/${name}`);
  return {
    levelsAbove: path.resolve(root).split(path.sep).filter((part) => part !== '').length,
    readFile(file) {
      const open = overlays.get(path.posix.normalize(file));
      if (open !== undefined) return open;
      try {
        const stat = fs.statSync(absolute(file));
        if (!stat.isFile() || stat.size > maxFileSize) return undefined;
        const decoded = decodeSource(fs.readFileSync(absolute(file)));
        return decoded.binary ? undefined : decoded.text;
      } catch {
        return undefined;
      }
    },
    listDirectory(dir) {
      return entries(dir)?.filter((e) => e.isFile()).map((e) => joined(dir, e.name));
    },
    listFolders(dir) {
      return entries(dir)
        ?.filter((e) => e.isDirectory() || (e.isSymbolicLink() && isDirectory(absolute(joined(dir, e.name)))))
        .map((e) => joined(dir, e.name));
    },
  };
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
