import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalyzerOptions } from '../../rules/src/api';
import { ConfigError, configToOptions, validateConfig } from '../../rules/src/config/config';
import type { Settings } from './settings';

export const CONFIG_FILE_NAME = 'session-lint.json';

/** A project's analyzer options: `session-lint.json` (if any) with the editor settings over it. */
export interface ProjectConfig {
  readonly options: AnalyzerOptions;
  /** The configuration file read (absolute), if one was found. */
  readonly file?: string;
  /** Why the configuration file could not be used; the analysis then runs with the settings alone. */
  readonly error?: string;
  /** What of the workspace folder the configuration leaves out of the project, as the CLI reads it. */
  readonly selection: ConfigSelection;
}

export interface ConfigSelection {
  readonly ignoreGlobs: readonly string[];
  /** The configuration's folder, relative to the workspace folder (`.` without one). */
  readonly configRoot: string;
  readonly includeTests: boolean;
  readonly includeGenerated: boolean;
}

/**
 * Finds and validates the configuration as the CLI does when started in the workspace folder
 * (the `configFile` setting, or `session-lint.json` walking up). In an untrusted workspace
 * the configuration's include paths are not honoured: they make the server read files
 * outside the workspace.
 */
export function loadProjectConfig(root: string, settings: Settings, trusted: boolean): ProjectConfig {
  const file = settings.configFile !== '' && trusted ? path.resolve(root, settings.configFile) : findUp(root);
  let options: AnalyzerOptions = {};
  let error: string | undefined;
  let selection: ConfigSelection = { ignoreGlobs: [], configRoot: '.', includeTests: false, includeGenerated: false };
  if (file !== undefined) {
    const shown = path.relative(root, file).split(path.sep).join('/') || CONFIG_FILE_NAME;
    try {
      const config = validateConfig(JSON.parse(fs.readFileSync(file, 'utf8')), shown);
      const configRoot = path.relative(root, path.dirname(file)).split(path.sep).join('/') || '.';
      options = configToOptions(config, configRoot);
      selection = { ignoreGlobs: config.ignore ?? [], configRoot, includeTests: config.includeTests === true, includeGenerated: config.includeGenerated === true };
      if (!trusted && options.includePaths) {
        const { includePaths: _ignored, ...rest } = options;
        options = rest;
      }
    } catch (err) {
      error = err instanceof ConfigError ? err.message : `cannot read the configuration ${shown}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return { options: withSettings(options, settings), selection, ...(file !== undefined && fs.existsSync(file) ? { file } : {}), ...(error ? { error } : {}) };
}

/** The editor settings win over the file, key by key. */
function withSettings(options: AnalyzerOptions, settings: Settings): AnalyzerOptions {
  const entryPoints = settings.entryPoints.length > 0 ? [...(options.entryPoints ?? []), { files: [...settings.entryPoints], description: 'an entry point named in the editor settings' }] : options.entryPoints;
  return {
    ...options,
    rules: { ...options.rules, ...settings.rules },
    slowKinds: { ...options.slowKinds, ...settings.slowKinds },
    frameworks: { ...options.frameworks, ...settings.frameworks },
    ...(entryPoints ? { entryPoints } : {}),
  };
}

function findUp(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
