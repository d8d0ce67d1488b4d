import type { RuleSetting } from '../../rules/src/api';

/**
 * The editor settings (`sessionLint.*`), read per resource (a workspace folder can differ from
 * another). `package.json` declares the same keys; a test checks that they agree.
 */
export interface Settings {
  /** Analyse at all. */
  readonly enable: boolean;
  /** Analyse while typing, or only the saved text. */
  readonly run: 'onType' | 'onSave';
  /** Per rule: a severity or `off`; wins over `session-lint.json`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Per kind of slow work: a severity or `off`; wins over `session-lint.json`. */
  readonly slowKinds: Readonly<Record<string, RuleSetting>>;
  /** Framework presets forced on (`true`) or off (`false`); the others are detected. */
  readonly frameworks: Readonly<Record<string, boolean>>;
  /** Globs (relative to the workspace folder) of files that run with the session already open. */
  readonly entryPoints: readonly string[];
  /** The configuration file, relative to the workspace folder; empty: `session-lint.json` found walking up. */
  readonly configFile: string;
  /** Files larger than this (bytes) are not analysed. */
  readonly maxFileSize: number;
  /** Where "Show documentation" points: a folder or URL holding `<rule-id>.md`; empty: the docs shipped with the server. */
  readonly docsBaseUrl: string;
}

export const defaultSettings: Settings = {
  enable: true,
  run: 'onType',
  rules: {},
  slowKinds: {},
  frameworks: {},
  entryPoints: [],
  configFile: '',
  maxFileSize: 10 * 1024 * 1024,
  docsBaseUrl: '',
};

/** The keys of `Settings`, as `package.json` must declare them (`sessionLint.<key>`). */
export const settingKeys: readonly (keyof Settings)[] = Object.keys(defaultSettings) as (keyof Settings)[];

/** Whatever the client sent, made into settings: unknown or ill-typed values fall back to the defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const value = (raw ?? {}) as Record<string, unknown>;
  const record = <T>(v: unknown, ok: (x: unknown) => x is T): Record<string, T> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((entry): entry is [string, T] => ok(entry[1])));
  };
  const isSetting = (x: unknown): x is RuleSetting => x === 'error' || x === 'warning' || x === 'info' || x === 'off';
  const isBoolean = (x: unknown): x is boolean => typeof x === 'boolean';
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : defaultSettings.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    rules: record(value.rules, isSetting),
    slowKinds: record(value.slowKinds, isSetting),
    frameworks: record(value.frameworks, isBoolean),
    entryPoints: Array.isArray(value.entryPoints) ? value.entryPoints.filter((g): g is string => typeof g === 'string') : [],
    configFile: typeof value.configFile === 'string' ? value.configFile : '',
    maxFileSize: typeof value.maxFileSize === 'number' && value.maxFileSize > 0 ? value.maxFileSize : defaultSettings.maxFileSize,
    docsBaseUrl: typeof value.docsBaseUrl === 'string' ? value.docsBaseUrl : '',
  };
}

/**
 * Settings per resource, asked of the client once and kept until it says they changed
 * (`workspace/didChangeConfiguration`), as lsp-sample's `getDocumentSettings` does.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(private readonly fetch: (scopeUri: string) => Promise<unknown>) {}

  get(scopeUri: string): Promise<Settings> {
    let settings = this.cache.get(scopeUri);
    if (!settings) {
      settings = this.fetch(scopeUri).then(normalizeSettings, () => defaultSettings);
      this.cache.set(scopeUri, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }
}
