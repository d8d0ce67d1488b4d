import { normalizePath, type ApiEntry, type FileSymbols, type InputError, type ResourceId } from '../../core/src';
import type { CatalogLayer } from './catalog/merge';
import type { FrameworkPreset } from './frameworks/preset';

/**
 * Presets whose configuration installs a session store that does not lock, with the note that
 * says so: their session APIs then take no lock (`withoutSessionEffects`), and neither do their
 * controller or route entries.
 */
export function nonLockingPresets(
  presets: readonly FrameworkPreset[],
  symbolsOf: (path: string) => FileSymbols | undefined,
  rootPath: (file: string) => string,
): Map<FrameworkPreset, InputError> {
  const found = new Map<FrameworkPreset, InputError>();
  for (const preset of presets) {
    const store = preset.nonLockingStore;
    if (!store) continue;
    for (const file of store.files) {
      const path = rootPath(file);
      const symbols = symbolsOf(path);
      for (const key of store.keys) {
        const setting = symbols?.settings.get(key);
        const value = setting?.values.find((v) => typeof v === 'string' && store.classes.includes(className(v)));
        if (!setting || typeof value !== 'string' || found.has(preset)) continue;
        found.set(preset, {
          file: normalizePath(path),
          message: `the ${preset.name} session store is \`${value}\`, which does not lock: ${preset.name}'s session APIs are analysed as taking no lock`,
          span: setting.span,
        });
      }
    }
  }
  return found;
}

function className(written: string): string {
  const lower = written.toLowerCase();
  return lower.startsWith('\\') ? lower.slice(1) : lower;
}

/** The layer with every open, close, use or write of `resource` made a plain call (types kept). */
export function withoutSessionEffects(layer: CatalogLayer, resource: ResourceId): CatalogLayer {
  const neutral = (entry: ApiEntry): ApiEntry =>
    'resource' in entry && entry.resource === resource ? { effect: 'none', ...(entry.returns ? { returns: entry.returns } : {}) } : entry;
  const map = (entries: Readonly<Record<string, ApiEntry>>): Record<string, ApiEntry> =>
    Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, neutral(entry)]));
  return {
    ...layer,
    ...(layer.functions ? { functions: map(layer.functions) } : {}),
    ...(layer.methods ? { methods: Object.fromEntries(Object.entries(layer.methods).map(([cls, entries]) => [cls, map(entries)])) } : {}),
    bootstrapIncludes: [],
  };
}
