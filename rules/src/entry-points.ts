import * as posix from 'node:path/posix';
import picomatch from 'picomatch';
import {
  siteFromChain,
  type CallResolver,
  type FileIR,
  type FlowEngine,
  type OpenSite,
  type ResourceId,
  type Unit,
} from '../../core/src';
import type { AnalyzerOptions, EntryPoint } from './api';
import type { FrameworkPreset } from './frameworks/preset';
import { frameworkEntrySites, type FrameworkEntryContext } from './framework-entries';

/**
 * Units that run with the session already open, and where it was opened: files matched by
 * an entry point (configured, or a preset's), callbacks of late hooks when an early hook's
 * callback starts the session and leaves it open, and what a framework runs with it open
 * (controller actions, locking routes: `framework-entries.ts`).
 */
export function entrySites(
  files: readonly FileIR[],
  options: AnalyzerOptions,
  presets: readonly FrameworkPreset[],
  engine: FlowEngine,
  resolver: CallResolver,
  resource: ResourceId,
  frameworks: Pick<FrameworkEntryContext, 'classParents' | 'setting'>,
): Map<Unit, readonly OpenSite[]> {
  const result = new Map<Unit, readonly OpenSite[]>();
  const add = (unit: Unit, sites: readonly OpenSite[]): void => {
    result.set(unit, [...(result.get(unit) ?? []), ...sites]);
  };
  const root = options.root ?? '.';
  const entryPoints: EntryPoint[] = [...(options.entryPoints ?? []), ...presets.flatMap((p) => p.entryPoints ?? [])];
  for (const entry of entryPoints) {
    const matches = picomatch(entry.files as string[], { dot: true });
    for (const file of files) {
      const relative = posix.relative(root === '' ? '.' : root, file.file);
      if (!matches(relative)) continue;
      for (const unit of file.units) {
        if (unit.kind !== 'script' && unit.kind !== 'method') continue;
        const reason = entry.description ?? `the session is already open when this runs (entry point \`${entry.files.join('`, `')}\`)`;
        add(unit, [siteFromChain([{ span: { file: file.file, start: unit.span.start, end: unit.span.start }, label: reason }])]);
      }
    }
  }
  frameworkEntrySites(presets, { files, engine, resolver, resource, ...frameworks }, add);
  for (const preset of presets) {
    if (!preset.hooks) continue;
    const early = new Set(preset.hooks.early);
    const registrations = files.flatMap((file) => file.registrations).filter((registration) => !registration.route);
    const ambient: OpenSite[] = [];
    for (const registration of registrations) {
      if (registration.hook === undefined || !early.has(registration.hook)) continue;
      for (const unit of resolver.resolve(registration.target, files[0]!.units[0]!, registration.span)) {
        const exit = engine.analyze(unit, resource).exit;
        for (const site of exit?.open ?? []) {
          const label = `the \`${registration.hook}\` hook runs ${unit.displayName} (registered here), which starts the session and leaves it open for every later callback of the request`;
          ambient.push(siteFromChain([{ span: registration.span, label }, ...site.chain]));
        }
      }
    }
    if (ambient.length === 0) continue;
    for (const registration of registrations) {
      if (registration.hook !== undefined && early.has(registration.hook)) continue;
      for (const unit of resolver.resolve(registration.target, files[0]!.units[0]!, registration.span)) add(unit, ambient);
    }
  }
  return result;
}
