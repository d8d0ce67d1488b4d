import Ajv, { type ErrorObject } from 'ajv';
import type { ApiEntry } from '../../../core/src';
import type { AnalyzerOptions, RuleSetting } from '../api';
import { phpNativeCatalog } from '../catalog/php-native';
import type { CatalogLayer } from '../catalog/merge';
import schema from './session-lint.schema.json';

/** `session-lint.json`, as written (after validation). */
export interface ConfigFile {
  readonly rules?: Record<string, RuleSetting>;
  readonly slowKinds?: AnalyzerOptions['slowKinds'];
  readonly apis?: {
    readonly functions?: Record<string, ConfigApi>;
    readonly methods?: Record<string, Record<string, ConfigApi>>;
  };
  readonly frameworks?: Record<string, boolean>;
  readonly entryPoints?: readonly { files: string | string[]; session: 'open'; description?: string }[];
  readonly includePaths?: readonly string[];
  readonly ignore?: readonly string[];
  readonly sessionLocks?: boolean;
  readonly reportNonLockingStores?: boolean;
  readonly includeTests?: boolean;
  readonly includeGenerated?: boolean;
}

interface ConfigApi {
  readonly effect: 'open' | 'close' | 'write' | 'slow' | 'none';
  readonly kind?: Extract<ApiEntry, { effect: 'slow' }>['kind'];
  readonly how?: 'write' | 'abort' | 'destroy';
  readonly readAndClose?: boolean;
  readonly returns?: string;
}

export class ConfigError extends Error {}

let compiled: ReturnType<Ajv['compile']> | undefined;

/** Compiled on first use, so loading the analyzer never pays for it without a config file. */
function validator(): ReturnType<Ajv['compile']> {
  compiled ??= new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  return compiled;
}

/**
 * Checks a parsed configuration against the schema that ships with the tool. The message
 * names the offending key, so `"slowKind": …` reads as what it is: a typo.
 */
export function validateConfig(value: unknown, source: string): ConfigFile {
  const validate = validator();
  if (validate(value)) return value as ConfigFile;
  const problems = (validate.errors ?? []).filter((e) => e.keyword !== 'if').slice(0, 5).map(describeError);
  throw new ConfigError(`invalid configuration in ${source}:\n${[...new Set(problems)].map((p) => `  - ${p}`).join('\n')}`);
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath ? `\`${error.instancePath.slice(1).split('/').join('.')}\`` : 'the top level';
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key \`${String((error.params as { additionalProperty: string }).additionalProperty)}\` in ${where}`;
    case 'propertyNames':
      return `unknown name \`${String((error.params as { propertyName: string }).propertyName)}\` in ${where}`;
    case 'enum':
      return `${where} must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `${where} needs \`${String((error.params as { missingProperty: string }).missingProperty)}\``;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

/** The configuration's APIs as a catalog layer (lower-case names, PHP's own resource). */
export function configCatalog(config: ConfigFile, sessionResource: string): CatalogLayer {
  const lower = (name: string): string => (name.startsWith('\\') ? name.slice(1) : name).toLowerCase();
  const toEntry = (api: ConfigApi): ApiEntry => {
    const returns = api.returns ? { returns: lower(api.returns) } : {};
    switch (api.effect) {
      case 'open':
        return { effect: 'open', resource: sessionResource, ...(api.readAndClose ? { readOnly: true } : {}), ...returns };
      case 'close':
        return { effect: 'close', resource: sessionResource, how: api.how ?? 'write', ...returns };
      case 'write':
        return { effect: 'write', resource: sessionResource, ...returns };
      case 'slow':
        return { effect: 'slow', kind: api.kind!, ...returns };
      case 'none':
        return { effect: 'none', ...returns };
    }
  };
  const functions: Record<string, ApiEntry> = {};
  for (const [name, api] of Object.entries(config.apis?.functions ?? {})) functions[lower(name)] = { ...toEntry(api), authoritative: true };
  const methods: Record<string, Record<string, ApiEntry>> = {};
  for (const [cls, entries] of Object.entries(config.apis?.methods ?? {})) {
    const converted: Record<string, ApiEntry> = {};
    for (const [method, api] of Object.entries(entries)) {
      converted[method === '*' ? '*' : method.toLowerCase()] = { ...toEntry(api), authoritative: true };
    }
    methods[lower(cls)] = converted;
  }
  return { functions, methods };
}

/** Analyzer options from a validated configuration whose folder is `root` (relative to cwd). */
export function configToOptions(config: ConfigFile, root: string): AnalyzerOptions {
  return {
    root,
    ...(config.rules ? { rules: config.rules } : {}),
    ...(config.slowKinds ? { slowKinds: config.slowKinds } : {}),
    ...(config.apis ? { apis: configCatalog(config, phpNativeCatalog.sessionResource) } : {}),
    ...(config.frameworks ? { frameworks: config.frameworks } : {}),
    ...(config.includePaths ? { includePaths: config.includePaths } : {}),
    ...(config.sessionLocks !== undefined ? { sessionLocks: config.sessionLocks } : {}),
    ...(config.includeTests !== undefined ? { includeTests: config.includeTests } : {}),
    ...(config.reportNonLockingStores !== undefined ? { reportNonLockingStores: config.reportNonLockingStores } : {}),
    ...(config.entryPoints
      ? {
          entryPoints: config.entryPoints.map((entry) => ({
            files: typeof entry.files === 'string' ? [entry.files] : entry.files,
            ...(entry.description ? { description: entry.description } : {}),
          })),
        }
      : {}),
  };
}
