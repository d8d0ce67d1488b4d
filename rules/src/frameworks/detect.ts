import type { FileSymbols } from '../../../core/src';
import type { AnalyzerOptions, ProjectHost } from '../api';
import type { FrameworkPreset } from './preset';

/**
 * The presets that apply: forced on or off by the configuration, else detected from
 * composer.json, well-known files, comment headers, framework classes that analysed classes
 * extend, or settings their top level makes (a plugin manifest).
 */
export function activePresets(
  presets: readonly FrameworkPreset[],
  options: AnalyzerOptions,
  host: ProjectHost | undefined,
  files: readonly FileSymbols[],
): FrameworkPreset[] {
  const root = projectRootPrefix(options);
  let composerPackages: Set<string> | undefined;
  const composer = (): Set<string> => {
    if (composerPackages) return composerPackages;
    composerPackages = new Set();
    const text = host?.readFile(`${root}composer.json`);
    if (text === undefined) return composerPackages;
    try {
      const json = JSON.parse(text) as { require?: Record<string, string>; 'require-dev'?: Record<string, string> };
      for (const name of [...Object.keys(json.require ?? {}), ...Object.keys(json['require-dev'] ?? {})]) composerPackages.add(name.toLowerCase());
    } catch {
      // A broken composer.json reveals nothing; the configuration can still name presets.
    }
    return composerPackages;
  };
  return presets.filter((preset) => {
    const forced = options.frameworks?.[preset.id];
    if (forced !== undefined) return forced;
    const { detect } = preset;
    if (detect.composer?.some((name) => composer().has(name))) return true;
    if (detect.files?.some((file) => host?.readFile(`${root}${file}`) !== undefined)) return true;
    const markers = detect.commentMarkers ?? [];
    if (markers.length > 0 && files.some((file) => markers.some((marker) => file.headerComment.includes(marker)))) return true;
    const bases = new Set(detect.extends ?? []);
    if (bases.size > 0 && files.some((file) => file.classes.some((cls) => cls.parent !== undefined && bases.has(cls.parent)))) return true;
    const settings = detect.settings ?? [];
    return settings.length > 0 && files.some((file) => settings.some((key) => file.settings.has(key)));
  });
}

/** Where the project's root files (`composer.json`, `composer.lock`) are, as a prefix of host paths. */
export function projectRootPrefix(options: AnalyzerOptions): string {
  return options.root && options.root !== '.' ? `${options.root}/` : '';
}
