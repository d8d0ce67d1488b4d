import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalyzerOptions } from '../../rules/src/api';
import { ConfigError, configToOptions, validateConfig } from '../../rules/src/config/config';

export const CONFIG_FILE_NAME = 'session-lint.json';

export interface LoadedConfig {
  /** Where it was found, relative to the working directory; undefined when there is none. */
  readonly path?: string;
  readonly options: AnalyzerOptions;
  /** Globs (relative to the configuration's folder) of paths not to analyse. */
  readonly ignore: readonly string[];
  /** The configuration's folder, relative to the working directory ('.' without one). */
  readonly root: string;
  /** `"includeGenerated": true`: walk minified and bundled JavaScript too. */
  readonly includeGenerated?: boolean;
}

/**
 * Finds `session-lint.json` (the given path, or walking up from the working directory),
 * validates it and turns it into analyzer options. Throws `ConfigError` with a message
 * naming the key at fault; the configuration is data, nothing in it is run.
 */
export function loadConfig(cwd: string, explicit: string | undefined): LoadedConfig {
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : findUp(cwd);
  if (file === undefined) return { options: {}, ignore: [], root: '.' };
  const shown = toPosix(path.relative(cwd, file)) || CONFIG_FILE_NAME;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read the configuration ${shown}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`the configuration ${shown} is not valid JSON: ${(err as Error).message}`);
  }
  const config = validateConfig(json, shown);
  const root = toPosix(path.relative(cwd, path.dirname(file))) || '.';
  const options = configToOptions(config, root);
  return { path: shown, options, ignore: config.ignore ?? [], root, ...(config.includeGenerated !== undefined ? { includeGenerated: config.includeGenerated } : {}) };
}

function findUp(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export { ConfigError };
