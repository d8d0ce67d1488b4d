import * as posix from 'node:path/posix';
import { normalizePath } from '../../../core/src';
import type { ProjectHost } from '../api';
import type { ServiceDefinitions } from './definition';
import { xmlServiceDefinitions } from './xml-definitions';
import { yamlServiceDefinitions } from './yaml-definitions';

/** Definitions files read at most (each one a `config` folder's XML or YAML file). */
const MAX_DEFINITION_FILES = 200;

/** Where a project keeps its container's configuration, below a folder of its code. */
const CONFIG_FOLDERS: readonly string[] = ['config', 'Resources/config'];

/**
 * The service definitions of a project, read through the host: the XML and YAML files of the
 * `config` (and a bundle's `Resources/config`) folder of every folder that holds a given PHP
 * file or is above one (up to the project's root), whose content is service
 * definitions (an XML `<container>`, a YAML `services:` mapping). Symfony's Flex layout
 * (`config/services.yaml`), its bundles' and a standalone container's (`src/config/services.xml`)
 * are found alike; a file elsewhere is not. Returns what was read and whether the bound cut it.
 */
export function readServiceDefinitions(host: ProjectHost, phpFiles: readonly string[]): { readonly definitions: ServiceDefinitions[]; readonly cut: boolean } {
  const definitions: ServiceDefinitions[] = [];
  if (!host.listDirectory || phpFiles.length === 0) return { definitions, cut: false };
  let read = 0;
  for (const folder of configFolders(phpFiles)) {
    for (const file of host.listDirectory(folder) ?? []) {
      const kind = definitionKind(file);
      if (!kind) continue;
      if (read >= MAX_DEFINITION_FILES) return { definitions, cut: true };
      read++;
      const text = host.readFile(normalizePath(file));
      const parsed = text === undefined ? undefined : kind === 'xml' ? xmlServiceDefinitions(text) : yamlServiceDefinitions(text);
      if (parsed && parsed.services.length > 0) definitions.push(parsed);
    }
  }
  return { definitions, cut: false };
}

/** The candidate `config` folders, sorted (so the same tree gives the same services). */
function configFolders(phpFiles: readonly string[]): string[] {
  const dirs = phpFiles.map((file) => posix.dirname(normalizePath(file)));
  // Relative paths: up to the folder the run started in (the project's root); else the deepest
  // folder all the files share.
  const top = dirs.every((dir) => !dir.startsWith('/') && dir !== '..' && !dir.startsWith('../')) ? '.' : sharedFolder(dirs);
  const folders = new Set<string>();
  for (let dir of new Set(dirs)) {
    for (;;) {
      for (const config of CONFIG_FOLDERS) folders.add(normalizePath(dir === '.' ? config : posix.join(dir, config)));
      if (dir === top || dir === '.' || dir === '/') break;
      const parent = posix.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return [...folders].sort();
}

/** The deepest folder every one of `dirs` is in (or is). */
function sharedFolder(dirs: readonly string[]): string {
  let shared = dirs[0]!.split('/');
  for (const dir of dirs) {
    const parts = dir.split('/');
    let i = 0;
    while (i < shared.length && i < parts.length && shared[i] === parts[i]) i++;
    shared = shared.slice(0, i);
  }
  return shared.length === 0 ? '.' : shared.join('/') || '/';
}

function definitionKind(file: string): 'xml' | 'yaml' | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.xml')) return 'xml';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}
