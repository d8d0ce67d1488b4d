import type { ApiEntry, Catalog } from '../../../core/src';
import type { FrameworkPreset } from '../frameworks/preset';
import type { RootNames } from './parse-set';

/** Effects that change a resource: a file whose code does none and reaches none has nothing to report. */
const RESOURCE_EFFECTS = new Set(['open', 'close', 'use', 'write']);

/**
 * The names whose mention makes a PHP file a root of the parse (`parse-set.ts`): every API of
 * the merged catalog that opens, closes, uses or writes a resource (or installs a session
 * store, or runs callbacks it registers), the session variable, the files a framework's
 * bootstrap include names, the ids of the container's services, and what the presets in use
 * recognise entries by (hooks, controllers' base classes, routes).
 */
export function rootNames(catalog: Catalog, presets: readonly FrameworkPreset[]): RootNames {
  const words = new Set<string>();
  const add = (text: string): void => {
    for (const word of wordsOf(text)) words.add(word);
  };
  const counts = (entry: ApiEntry): boolean => RESOURCE_EFFECTS.has(entry.effect) || entry.replacesSessionStore === true || entry.registersCallback !== undefined;
  for (const [name, entry] of Object.entries(catalog.functions)) if (counts(entry)) add(lastSegment(name));
  for (const [className, methods] of Object.entries(catalog.methods)) {
    for (const [method, entry] of Object.entries(methods)) {
      if (!counts(entry)) continue;
      // A magic method (`__construct`, `__get`) is not written at its call: its class is.
      add(method.startsWith('__') ? lastSegment(className) : method);
    }
  }
  add(catalog.sessionVariable);
  for (const include of catalog.bootstrapIncludes ?? []) add(lastSegment(include.pathEndsWith.replace(/\//g, '\\')));
  for (const id of Object.keys(catalog.services ?? {})) add(id);
  for (const preset of presets) for (const part of [preset.hooks, preset.controllers, preset.routes]) identifiersIn(part, add);
  return { words, substrings: [] };
}

/** What could make a framework preset detected: a file that shows one is parsed before the presets are chosen. */
export function detectionNames(presets: readonly FrameworkPreset[]): RootNames {
  const words = new Set<string>();
  for (const preset of presets) {
    for (const base of preset.detect.extends ?? []) for (const word of wordsOf(lastSegment(base))) words.add(word);
    for (const key of preset.detect.settings ?? []) for (const word of wordsOf(key)) words.add(word);
  }
  return { words, substrings: presets.flatMap((preset) => preset.detect.commentMarkers ?? []) };
}

/** Every identifier-like word of a preset's data (keys and string values without spaces). */
function identifiersIn(value: unknown, add: (text: string) => void): void {
  if (typeof value === 'string') {
    if (!/\s/.test(value)) add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) identifiersIn(item, add);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      add(key);
      identifiersIn(item, add);
    }
  }
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('\\') + 1);
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z_\x80-\uffff][a-z0-9_\x80-\uffff]*/g) ?? [];
}
