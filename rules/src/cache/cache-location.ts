import * as os from 'node:os';
import * as path from 'node:path';
import { isDirectory } from './files';

/**
 * Where `--cache` keeps its entries when `--cache-location` is not given, as ESLint and Ruff
 * do: `node_modules/.cache/session-lint` when the project (the configuration's folder, else the
 * working directory) has a `node_modules` folder, else the user's cache folder
 * (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on
 * Windows), in a folder named after the project's path so two projects never share entries.
 */
export function defaultCacheLocation(projectRoot: string, env: Readonly<Record<string, string | undefined>>): string {
  const nodeModules = path.join(projectRoot, 'node_modules');
  if (isDirectory(nodeModules)) return path.join(nodeModules, '.cache', 'session-lint');
  const project = path.resolve(projectRoot).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+/, '').slice(-100) || 'root';
  return path.join(userCacheFolder(env), 'session-lint', project);
}

function userCacheFolder(env: Readonly<Record<string, string | undefined>>): string {
  if (process.platform === 'win32') return env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches');
  return env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
}
