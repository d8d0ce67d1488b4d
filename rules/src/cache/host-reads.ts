import { hashText } from './keys';
import type { ProjectHost } from '../api';

/** One read an analysis made through the host, and a hash of what it got (null: nothing). */
export interface HostRead {
  readonly op: 'read' | 'files' | 'folders';
  readonly path: string;
  readonly hash: string | null;
}

/**
 * A host that records what is read through it (files, and folders listed), so a result
 * computed through it can be kept while every one of those reads still gives the same.
 */
export function recordingHost(host: ProjectHost): { host: ProjectHost; reads: () => HostRead[] } {
  const reads = new Map<string, HostRead>();
  const record = (op: HostRead['op'], path: string, value: string | readonly string[] | undefined): void => {
    const hash = value === undefined ? null : hashText(typeof value === 'string' ? value : value.join('\n'));
    reads.set(`${op}\0${path}`, { op, path, hash });
  };
  const recording: ProjectHost = {
    ...host,
    readFile: (file) => {
      const text = host.readFile(file);
      record('read', file, text);
      return text;
    },
    // Only what the real host offers: the analysis tells a host that cannot list apart.
    ...(host.listDirectory
      ? {
          listDirectory: (dir: string) => {
            const files = host.listDirectory!(dir);
            record('files', dir, files);
            return files;
          },
        }
      : {}),
    ...(host.listFolders
      ? {
          listFolders: (dir: string) => {
            const folders = host.listFolders!(dir);
            record('folders', dir, folders);
            return folders;
          },
        }
      : {}),
  };
  return { host: recording, reads: () => [...reads.values()] };
}

/** Whether the host still gives what each recorded read got. */
export function readsUnchanged(host: ProjectHost, reads: readonly HostRead[]): boolean {
  return reads.every((read) => hashOfRead(host, read) === read.hash);
}

function hashOfRead(host: ProjectHost, { op, path }: HostRead): string | null {
  const value = op === 'read' ? host.readFile(path) : op === 'files' ? host.listDirectory?.(path) : host.listFolders?.(path);
  return value === undefined ? null : hashText(typeof value === 'string' ? value : value.join('\n'));
}
