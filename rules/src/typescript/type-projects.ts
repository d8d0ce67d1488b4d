import type * as ts from 'typescript';
import { createTypeOracle, type TsProgramOracle } from '../../../core/src';
import type { TsConfigs, TsProject } from './tsconfigs';

/**
 * Type-aware mode, one project at a time. Each TypeScript file belongs to the project of
 * its nearest `tsconfig.json` (`TsConfigs`); a project's program is built when its files
 * are lowered, over those files and what they import (other packages of the workspace
 * included), and dropped before the next project's, so a monorepo never holds all its
 * programs at once. A TypeScript file with no config above it that lies in a package of a
 * workspace (logto's connector packages, whose `tsconfig.json` a script copies in at install
 * time) is typed in an inferred project of that package, with default options, as the
 * editor's language service types a file no config includes: the workspace's other packages
 * are typed, and what this one's objects fill (a connector's `sendMessage`) is only known
 * through their types. JavaScript, declaration files and other files with no config above them
 * stay syntax-only, and the notes say which ran how.
 */

export interface TsRunFile {
  readonly path: string;
  /** Given by the caller (not only read because a given file imports it). */
  readonly requested: boolean;
}

/** Why a file runs syntax-only. */
export type SyntaxOnlyReason = 'JavaScript' | 'no tsconfig.json above it' | 'its program could not be built';

const TYPED_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
const DECLARATION_EXTENSIONS = ['.d.ts', '.d.mts', '.d.cts'];
/** Projects named one by one in the summary; the rest are counted. */
const MAX_LISTED_PROJECTS = 5;

export interface TypeAwareRun<F extends TsRunFile> {
  /** The checker that answers for a file while its project is being lowered (any file its program holds). */
  typesOf(path: string): TsProgramOracle | undefined;
  /** Lowers every file: project by project with its checker, then the syntax-only ones. */
  lowerAll(lower: (file: F, types: TsProgramOracle | undefined) => void, beforeProject: () => void): void;
  /** Per project and for the syntax-only files, for `--verbose`. */
  readonly notes: { readonly file: string; readonly message: string }[];
  /** One line for the run's summary: which projects ran type-aware, and what ran syntax-only. */
  summary(): string | undefined;
}

export function typeAwareRun<F extends TsRunFile>(
  files: readonly F[],
  configs: TsConfigs,
  sourceOf: (file: F) => ts.SourceFile,
  sourceByPath: (path: string) => ts.SourceFile | undefined,
  resolve: (from: string, specifier: string) => string | undefined,
  /** The workspace package folder a file lies in (for an inferred project), if any. */
  memberPackageOf: (file: string) => string | undefined = () => undefined,
): TypeAwareRun<F> {
  const byProject = new Map<string, { project: TsProject; files: F[]; inferred?: string }>();
  const syntaxOnly: { file: F; reason: SyntaxOnlyReason }[] = [];
  for (const file of files) {
    const lower = file.path.toLowerCase();
    if (DECLARATION_EXTENSIONS.some((ext) => lower.endsWith(ext))) continue;
    if (!TYPED_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
      syntaxOnly.push({ file, reason: 'JavaScript' });
      continue;
    }
    const project = configs.projectOf(file.path);
    const member = project ? undefined : memberPackageOf(file.path);
    if (!project && member === undefined) {
      syntaxOnly.push({ file, reason: 'no tsconfig.json above it' });
      continue;
    }
    const key = project ? project.path : inferredName(member!);
    const group = byProject.get(key) ?? (project ? { project, files: [] } : { project: inferredProject(key, member!), files: [], inferred: member! });
    group.files.push(file);
    byProject.set(key, group);
  }
  const declarations = files.filter((file) => DECLARATION_EXTENSIONS.some((ext) => file.path.toLowerCase().endsWith(ext)));
  let active: TsProgramOracle | undefined;
  const typed: { project: string; given: number; read: number }[] = [];
  const notes: { file: string; message: string }[] = [];

  return {
    notes,
    typesOf: (path) => (active?.includes(path) ? active : undefined),
    lowerAll(lower, beforeProject) {
      for (const [path, group] of [...byProject].sort(([a], [b]) => a.localeCompare(b))) {
        beforeProject();
        active = createTypeOracle({
          roots: group.files.map(sourceOf),
          compilerOptions: group.project.compilerOptions,
          configDir: group.inferred ?? (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.'),
          resolve,
          sourceOf: sourceByPath,
        });
        if (!active) {
          for (const file of group.files) syntaxOnly.push({ file, reason: 'its program could not be built' });
          continue;
        }
        for (const file of group.files) lower(file, active);
        // Dropped before the next project's program is built: memory stays that of one project.
        active = undefined;
        const given = group.files.filter((f) => f.requested).length;
        const read = group.files.length - given;
        typed.push({ project: path, given, read });
        const how = group.inferred !== undefined ? `no tsconfig.json: an inferred project of the workspace package at ${group.inferred}, default options` : `tsconfig.json at ${path}`;
        notes.push({ file: path, message: `TypeScript: type-aware (${how}) for ${given} file(s)${read > 0 ? `, and ${read} imported file(s) read for their exports` : ''}` });
      }
      // Syntax-only files (and declaration files) last, with no checker at all.
      beforeProject();
      for (const { file } of syntaxOnly) lower(file, undefined);
      for (const file of declarations) lower(file, undefined);
      const given = syntaxOnly.filter((s) => s.file.requested);
      if (given.length > 0) notes.push({ file: given[0]!.file.path, message: `TypeScript: syntax-only for ${given.length} file(s) (${reasons(given)})` });
    },
    summary() {
      const givenTyped = typed.reduce((sum, t) => sum + t.given, 0);
      const givenSyntax = syntaxOnly.filter((s) => s.file.requested);
      if (givenTyped === 0 && givenSyntax.length === 0) return undefined;
      const projects = typed.filter((t) => t.given > 0).map((t) => t.project);
      const listed = projects.slice(0, MAX_LISTED_PROJECTS).join(', ') + (projects.length > MAX_LISTED_PROJECTS ? `, and ${projects.length - MAX_LISTED_PROJECTS} more` : '');
      const parts: string[] = [];
      if (givenTyped > 0) parts.push(`type-aware for ${givenTyped} file(s) in ${projects.length} project(s) (${listed})`);
      if (givenSyntax.length > 0) parts.push(`syntax-only for ${givenSyntax.length} file(s) (${reasons(givenSyntax)})`);
      return `TypeScript: ${parts.join('; ')}.`;
    },
  };
}

/** How an inferred project is named in notes and the summary (`packages/connector-smtp (inferred)`). */
function inferredName(packageFolder: string): string {
  return `${packageFolder} (inferred)`;
}

/** An inferred project: default options, every file of it included, no paths of its own. */
function inferredProject(name: string, folder: string): TsProject {
  return { path: name, compilerOptions: {}, paths: { dir: folder }, includes: () => true, references: [] };
}

/** `JavaScript: 3, no tsconfig.json above it: 1 (e.g. scripts/seed.ts)`. */
function reasons(entries: readonly { file: TsRunFile; reason: SyntaxOnlyReason }[]): string {
  const byReason = new Map<SyntaxOnlyReason, TsRunFile[]>();
  for (const { file, reason } of entries) byReason.set(reason, [...(byReason.get(reason) ?? []), file]);
  return [...byReason]
    .map(([reason, list]) => `${reason}: ${list.length}${reason === 'JavaScript' ? '' : ` (e.g. ${list[0]!.path})`}`)
    .join(', ');
}
