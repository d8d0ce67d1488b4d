import {
  FlowEngine,
  constantScope,
  quoteCode,
  acyclicRunSites,
  argumentsPassedByCallers,
  callSitesOf,
  type CallSite,
  type CallerSite,
  placesThatRun,
  LineIndex,
  ProjectResolver,
  ProjectSymbols,
  ConstantTable,
  compareSpans,
  includeTargets,
  entryDirectories,
  MAX_ENTRY_DIRS,
  type EntryDirectories,
  helperIncludes,
  matchesPattern,
  applySuppressions,
  lowerTypeScript,
  isTypeScriptPath,
  parseTypeScript,
  declareTsModule,
  TsModuleResolver,
  TsProjectModules,
  type TsModuleDeclarations,
  type TsProgramOracle,
  type ParsedTs,
  normalizePath,
  parseSuppressions,
  type CallResolver,
  type CallTarget,
  type Catalog,
  type FileIR,
  type FileSymbols,
  type Finding,
  type HeldResourceInfo,
  type InputError,
  type NodeCatalog,
  type ResourceId,
  type ResourceState,
  type PhpParser,
  type Rule,
  type RuleContext,
  type SessionStoreInfo,
  type StaticString,
  type Suppression,
  type AnalysisCut,
  type EditSites,
  PhpEditSites,
  TsEditSites,
  TextReads,
  type Severity,
  type Span,
  type Unit,
  type UnitFlow,
} from '../../core/src';
import * as posix from 'node:path/posix';
import type { AnalysisResult, AnalyzerOptions, ProjectHost, SourceFile } from './api';
import { mergeCatalogs, mergedCatalog } from './catalog/merge';
import { nodeCatalog } from './catalog/node';
import { entrySites } from './entry-points';
import { dispatchEntries, entryState, type DispatchEntry } from './dispatch-entries';
import { frameworkActions, type FrameworkAction } from './framework-entries';
import { commandLineOnlyUnits } from './command-line-units';
import { REQUEST_SESSION_RULES, commandLineFiles, pastRoutineGuard, testClassUnits } from './execution-context';
import { groupByCause } from './grouping';
import { helperCallbackFindings } from './helper-callbacks';
import { interceptedHolds, interceptionNotes } from './interceptor-holds';
import { withSuppressionFixIn, withSuppressionFixes } from './fixes/attach';
import { activePresets, projectRootPrefix } from './frameworks/detect';
import { lockedVersions, withInstalledVersion } from './frameworks/versions';
import { nonLockingPresets, withoutSessionEffects } from './framework-stores';
import type { FrameworkPreset, SettingCondition } from './frameworks/preset';
import { allPresets } from './frameworks/index';
import { ruleIds } from './registry';
import { correctableId, correctRuleIdFix, coveredBy, removeSuppressionFix } from './fixes/suppression-repairs';
import { projectSessionStores, sessionStartAt, storesAt } from './session-stores';
import { storeGatingStart, storeHolders } from './store-holder-gates';
import { slowKindSeverity } from './severity';
import { levelsAboveOf } from './typescript/folders';
import { TsConfigs } from './typescript/tsconfigs';
import { typeAwareRun } from './typescript/type-projects';
import { TsWorkspaces } from './typescript/workspaces';
import { memoryLibraryCache, type LibraryFactsCache } from './typescript/library-cache';
import { LibrarySummaries } from './typescript/library-summaries';
import { PhpFileWork } from './cache/php-file-work';
import { KeptResults } from './cache/kept-results';
import { digestOf, hashOfFrozen, hashText, hashValue } from './cache/keys';
import type { KeptRulesStage, StageFile } from './cache/kept-rules-stage';
import { containerServices } from './services/index';
import { ParseSet } from './relevance/parse-set';
import { detectionNames, rootNames } from './relevance/root-names';
import picomatch from 'picomatch';
import type { DeclaredPhp, LoweredPhp } from './cache/php-file-results';

export interface EnabledRule {
  readonly rule: Rule;
  readonly severity: Severity;
}

/**
 * Files loaded through the host because something includes (or imports) them. The cost is
 * linear in the files read, so the bound is high; a run that reaches it says so in its
 * summary, since what those files do is then unknown.
 */
const MAX_EXTRA_FILES = 5000;
/**
 * Levels of callers (or includers) that are themselves entered with what their own callers
 * know; a unit further down is entered knowing nothing from them (a linear cost per level).
 */
const MAX_RUN_SITE_DEPTH = 8;
/**
 * Units (functions, methods, files) that call a function or method for it to count as a shared
 * utility: what it does on every call (lift the time limit before each query) is no sign of
 * what any one of its callers' requests does.
 */
const SHARED_UTILITY_CALLERS = 5;

/**
 * Reported files past which the flow and rules' output is not kept (`KeptRulesStage`): it keeps
 * each reported file's IR and syntax tree, which for the open documents is a few files, and for a
 * whole folder's report (run once typing stops) would be the project's.
 */
const MAX_KEPT_REPORTED_FILES = 16;

/** Units named one by one in the summary when bounds cut their analysis; the rest are counted. */
const MAX_LISTED_CUTS = 10;

interface LoadedFile {
  readonly path: string;
  readonly text: string;
  readonly lines: LineIndex;
  /** Given by the caller (not an included extra): it may be an entry script. */
  readonly requested: boolean;
  /** Findings and errors are reported only for given files the caller asked about (`SourceFile.reported`). */
  readonly reported: boolean;
  symbols?: FileSymbols;
  /** The hash of `symbols`, for the cache keys of the files lowered with them. */
  symbolsHash?: string;
  ir?: FileIR;
}

/**
 * The analysis of a set of files as PHP runs them: declarations of every file first (so
 * calls and `$this->prop` types resolve across files), then each file lowered with that
 * index, then the flow with a resolver that follows functions, methods and includes.
 */
export function analyzeProject(
  parser: PhpParser,
  baseCatalog: Catalog,
  rules: readonly EnabledRule[],
  options: AnalyzerOptions,
  sources: readonly SourceFile[],
  host: ProjectHost | undefined,
  /** What installed packages do, kept between runs of one analyzer (see `library-summaries.ts`). */
  libraryCache: LibraryFactsCache = memoryLibraryCache(),
  /** Parses, declares and lowers PHP files: from the cache, in this thread, or on worker threads. */
  work: PhpFileWork = new PhpFileWork(parser, undefined, undefined, ''),
  /** The TypeScript/JavaScript side's latest lowerings, kept between runs (the language server). */
  keptTs?: KeptResults<TsLowering>,
  /** The flow and rules' latest outputs, kept for an edit that changes nothing they read (the language server). */
  keptRules?: KeptRulesStage,
): AnalysisResult {
  const errors: InputError[] = [];
  const notes: InputError[] = [];
  const files = new Map<string, LoadedFile>();
  // The order files are given in (a shell glob, an editor's open documents, a CI list) must not
  // change what is found: where declarations disagree, "first" is the first by path.
  for (const source of [...sources].sort(byPath)) {
    files.set(normalizePath(source.path), { path: source.path, text: source.text, lines: new LineIndex(source.text), requested: true, reported: source.reported !== false });
  }

  // 1. Declarations (one parse per file; the tree is freed at once). TypeScript and
  // JavaScript files need none yet: they are lowered on their own, with their imports.
  const given = [...files.values()].filter((file) => !isTypeScriptPath(file.path));
  // The project's container services (`$container->get('id')`), from its definitions files.
  const containers = containerServices(host, given.map((file) => file.path));
  const serviceLayer = Object.keys(containers.services).length > 0 ? [{ services: containers.services }] : [];
  const cutNotes: string[] = [];
  // Relevance first: only the PHP files the byte scan cannot rule out are parsed (`relevance/`).
  const skippedFiles =
    options.onDemand === true && given.length > 1
      ? declareOnDemand(work, files, given, host, options, (presets) => mergeCatalogs(baseCatalog, ...presets.map((p) => p.catalog), ...serviceLayer, ...(options.apis ? [options.apis] : [])), errors, cutNotes)
      : declareEvery(work, files, given, host, options, errors, cutNotes);

  // 2. Lowering with the whole project's declarations, and the catalog of the frameworks in use.
  // Extra files join `files` in the order includes discovered them: sorted again, for the same reason.
  const declaredFiles = [...files.values()].filter((f) => f.symbols !== undefined).sort(byPath);
  const declared = declaredFiles.map((f) => f.symbols!);
  const declaredHashes = declaredFiles.map((f) => f.symbolsHash!);
  const symbols = new ProjectSymbols(declared, baseCatalog.builtinFunctions);
  // A framework API newer than the project's installed version is never inserted by a fix.
  const presets = activePresets(allPresets, options, host, declared).map((preset) =>
    preset.closeSince ? withInstalledVersion(preset, host ? lockedVersions((path) => host.readFile(path), projectRootPrefix(options)) : new Map()) : preset,
  );
  // Configuration files whose settings change how the framework runs every request.
  if (host) loadSettingFiles(work, files, host, options, presets, errors);
  const settingOf = settingLookup(files, options);
  // A configured store that does not lock (Yii's Redis session): that framework's session takes no lock.
  const nonLocking = nonLockingPresets(presets, (path) => files.get(path)?.symbols, (file) => rootPath(options, file));
  notes.push(...nonLocking.values());
  const layers = presets.map((p) => (nonLocking.has(p) ? withoutSessionEffects(p.catalog, baseCatalog.sessionResource) : p.catalog));
  const entryPresets = presets.filter((p) => !nonLocking.has(p));
  if (containers.note) cutNotes.push(containers.note);
  const catalog = mergedCatalog(baseCatalog, ...layers, ...serviceLayer, ...(options.apis ? [options.apis] : []));
  // TypeScript/JavaScript first: their syntax trees are dropped before PHP is lowered.
  const tsFiles = [...files.values()].filter((f) => isTypeScriptPath(f.path));
  const tsParsed = tsFiles.length > 0 ? lowerTsProjectOrKept(keptTs, tsFiles, files, host, libraryCache, errors, notes, cutNotes) : 0;
  // One file alone sees only its own declarations (as when the editor analyses it by itself).
  const wholeProject = files.size + skippedFiles > 1;
  const toLower = [...files.values()].filter((file) => !isTypeScriptPath(file.path));
  const lowered = work.lower(toLower, { catalog, symbols: wholeProject ? declared : undefined }, wholeProject ? declaredHashes : undefined, wholeProject ? symbols : undefined, toLower.map((file) => file.symbolsHash));
  lowered.forEach((result, i) => recordLowered(toLower[i]!, result, errors));

  // 3. Flow and rules: kept from the analysis before when an edit changed nothing they read
  // (`cache/kept-rules-stage.ts`; PHP projects only).
  const reportedFiles = [...files.values()].filter((file) => file.reported).length;
  const stage = keptRules && tsFiles.length === 0 && reportedFiles <= MAX_KEPT_REPORTED_FILES ? stageInputs(files, catalog, entryPresets, nonLocking, declaredHashes, skippedFiles, wholeProject) : undefined;
  const stageOutput = stage ? keptRules!.reuse(stage.project, stage.context, stage.files, parser) : undefined;
  if (stageOutput) {
    keptRules!.reused++;
    const irsKept = [...files.values()].flatMap((f) => (f.ir ? [f.ir] : []));
    const summaryKept = [...stageOutput.summaryBefore, ...cutNotes, ...stageOutput.summaryAfter];
    return {
      findings: [...stageOutput.findings],
      errors,
      notes: [...notes, ...stageOutput.notes],
      ...(summaryKept.length > 0 ? { summaryNotes: summaryKept } : {}),
      stats: {
        units: irsKept.reduce((sum, ir) => sum + ir.units.length, 0),
        files: irsKept.length,
        searchWork: stageOutput.searchWork,
        filesParsed: work.stats.parsed + tsParsed,
        filesFromCache: work.stats.fromCache,
        unitsSkipped: stageOutput.unitsSkipped,
      },
    };
  }
  if (keptRules) keptRules.ran++;
  const notesBeforeStage = notes.length;
  // What the fixes read of each file's text (to tell whether the next edit changes it).
  const reads = stage ? new Map<string, TextReads>() : undefined;
  const sitesOf = (file: LoadedFile | undefined): EditSites | undefined => {
    if (!reads || !file || isTypeScriptPath(file.path)) return editSitesOf(parser, file);
    let read = reads.get(file.path);
    if (!read) reads.set(file.path, (read = new TextReads()));
    return new PhpEditSites(parser, file.path, file.text, read);
  };
  const irs = [...files.values()].flatMap((f) => (f.ir ? [f.ir] : []));
  const constant = (name: string): StaticString | undefined => symbols.constant(name);
  const setInCode = includePathSetsOf(files.values());
  const ownConstant = ownConstantOf(files);
  const { dirs: entryDirs, capped } = entryDirsOf(files, options, constant, setInCode, ownConstant);
  for (const file of capped) {
    notes.push({ file, message: `reached from entry scripts in more than ${MAX_ENTRY_DIRS} directories: its relative includes were resolved against the first ${MAX_ENTRY_DIRS} only` });
  }
  const resolver = new ProjectResolver(irs, {
    includePaths: includePathsOf(options),
    constant,
    ownConstant,
    setInCode,
    entryDirsOf: (file) => entryDirs.get(file),
    builtinFunctions: catalog.builtinFunctions,
    failingToCompile: symbols.failingToCompile,
  });
  const linesOf = new Map([...files.values()].map((f) => [f.path, f.lines]));
  const lineOf = (unit: Unit, offset: number): number => (linesOf.get(unit.span.file)?.positionAt(offset).line ?? 0) + 1;
  // The line of a span in its own file (messages about steps in other files, the store notes).
  const lineAt = (span: Span): number => (linesOf.get(span.file)?.positionAt(span.start).line ?? 0) + 1;
  // Every place that runs a file or a function, when all are known (one pass over the calls,
  // shared by the three uses below).
  const allRunSites = placesThatRun(irs, resolver);
  // Parameters whose default every caller keeps: their branches are decided on entry.
  const passedByCallers = argumentsPassedByCallers(irs, resolver, allRunSites);
  // Constants tested next to a session effect: whether they are defined flows across includes and calls.
  const sessionResources = new Set([catalog.sessionResource, ...(catalog.sessionStore ? [catalog.sessionStore.resource] : [])]);
  const constants = constantScope(irs, resolver, sessionResources, (name) => symbols.mayDefineConstant(name));
  // A unit is entered with what every place that runs it knows.
  const runSites = acyclicRunSites(allRunSites, MAX_RUN_SITE_DEPTH);
  // Set once the flows the rules read are cached (the entry points below are worked out before).
  let flowsWhereRun: ((unit: Unit) => UnitFlow) | undefined;
  const statesWhereRun = (unit: Unit, resource: ResourceId): ResourceState[] | undefined => {
    const sites = resource === catalog.sessionResource && flowsWhereRun ? runSites.get(unit) : undefined;
    return sites?.flatMap((site) => flowsWhereRun!(site.unit).states[site.node] ?? []);
  };
  // An installed session store stays installed for the rest of the request.
  const keptForTheRequest = new Set(catalog.sessionStore ? [catalog.sessionStore.resource] : []);
  // The private statics that hold a store are unset when a request starts.
  const requestStartStatics = irs.flatMap((ir) => ir.storeInstalls.flatMap((install) => install.holderAtRequestStart ?? []));
  // A function or method run from many units is a shared utility (a database wrapper).
  const callerCounts = new Map<Unit, number>();
  const sharedUtility = (unit: Unit): boolean => {
    if (unit.kind !== 'function' && unit.kind !== 'method') return false;
    let count = callerCounts.get(unit);
    if (count === undefined) callerCounts.set(unit, (count = new Set(allRunSites.get(unit)?.map((site) => site.unit)).size));
    return count >= SHARED_UTILITY_CALLERS;
  };
  const engine = new FlowEngine(resolver, lineOf, (unit) => passedByCallers.get(unit), constants, statesWhereRun, keptForTheRequest, requestStartStatics, sharedUtility);
  const ambient = entrySites(irs, options, entryPresets, engine, resolver, catalog.sessionResource, {
    classParents: catalog.classParents ?? {},
    setting: settingOf,
  });
  const flows = new Map<Unit, UnitFlow>();
  /** Candidates of a dispatch made with the session held, and how each is entered (below). */
  const dispatched = new Map<Unit, DispatchEntry>();
  const resourceFlows = new Map<string, UnitFlow>();
  const flowOf = (unit: Unit, resource?: ResourceId): UnitFlow => {
    // The rules ask for each unit's flow in turn: a place to stop an analysis no longer wanted.
    work.checkpoint?.();
    if (resource !== undefined && resource !== catalog.sessionResource) {
      const key = `${unit.span.file}#${unit.id}#${resource}`;
      let flow = resourceFlows.get(key);
      if (!flow) {
        flow = engine.analyze(unit, resource);
        resourceFlows.set(key, flow);
      }
      return flow;
    }
    let flow = flows.get(unit);
    if (!flow) {
      const sites = ambient.get(unit);
      const dispatch = dispatched.get(unit);
      flow = dispatch
        ? engine.analyzeEntered(unit, catalog.sessionResource, entryState(dispatch, sites))
        : sites
          ? engine.analyzeOpenAt(unit, catalog.sessionResource, sites)
          : engine.analyze(unit, catalog.sessionResource);
      flows.set(unit, flow);
    }
    return flow;
  };
  flowsWhereRun = (unit) => flowOf(unit);
  // A unit every known caller enters with the session open, as they enter it (write-after-close).
  // A caller that is itself a function is taken as its own callers enter it, where that is known
  // (run sites are acyclic and at most MAX_RUN_SITE_DEPTH deep, so this ends).
  const flowsAsRun = new Map<Unit, UnitFlow | undefined>();
  const flowAsRun = (unit: Unit): UnitFlow | undefined => {
    if (ambient.has(unit) || dispatched.has(unit)) return undefined;
    if (!flowsAsRun.has(unit)) {
      flowsAsRun.set(unit, undefined);
      const sites = runSites.get(unit);
      const states = sites?.flatMap((site) => (flowAsRun(site.unit) ?? flowOf(site.unit)).states[site.node] ?? []);
      flowsAsRun.set(unit, states ? engine.analyzeAsRun(unit, catalog.sessionResource, states) : undefined);
    }
    return flowsAsRun.get(unit);
  };
  // Code no web request runs: command-line scripts (their lock findings are moot) and tests.
  const spanLine = (span: Span): number => (linesOf.get(span.file)?.positionAt(span.start).line ?? 0) + 1;
  // A SAPI check that calls project code ends web requests when the call never returns.
  // (A function's own check too: the call is then in that function's unit.)
  const callReturns = (ir: FileIR, call: Span): boolean | undefined => {
    for (const unit of ir.units) {
      if (unit.span.start > call.start || unit.span.end < call.end) continue;
      const node = unit.cfg.nodes.find((n) => n.effect?.kind === 'call' && n.effect.span.start === call.start && n.effect.span.end === call.end);
      if (node) return engine.callReturns(flowOf(unit), node.id);
    }
    return undefined;
  };
  const commandLine = commandLineFiles(irs, resolver, spanLine, callReturns);
  const irOfFile = new Map(irs.map((ir) => [ir.file, ir] as const));
  // Whether code at this place runs for web requests (not after a check that ends them).
  const servesRequests = (span: Span): boolean => {
    const ir = irOfFile.get(span.file);
    const cli = ir ? commandLine.get(ir) : undefined;
    if (cli !== undefined && (cli.from === undefined || span.start >= cli.from)) return false;
    // Past the check a function begins with that ends the script off the command line.
    return !(ir && pastRoutineGuard(ir, span, irOfFile, callReturns));
  };
  // Functions, methods and included files that only command-line code runs: no client waits either.
  const commandLineOnly = commandLineOnlyUnits(irs, resolver, symbols, allRunSites, servesRequests);
  // Candidates of dispatches made with the session held run with it held: entries of their own
  // (a command-line script's dispatches hold no client's lock: not followed).
  const dispatchRoots = irs.flatMap((ir) => (ir.language === 'php' ? ir.units : [])).filter((unit) => engine.mayDispatch(unit) && (ambient.has(unit) || engine.mayTouchResources(unit)));
  dispatchEntries(dispatchRoots, flowOf, dispatched, (unit) => flows.delete(unit), (unit) => engine.mayDispatch(unit), servesRequests);

  // The project's own session stores: lock findings depend on the store on their paths.
  const stores = projectSessionStores(irs, resolver, lineAt);
  for (const store of stores.values()) {
    const verdict = store.lock ? `its \`open\`/\`read\` take a lock (${store.lock.what})` : store.known ? 'its `open`/`read` take no lock' : 'its code is not in the project';
    notes.push({ file: store.span.file, message: `line ${store.line}: the session store ${store.display} is installed here; ${verdict}`, span: store.span });
  }
  const storeResource = catalog.sessionStore?.resource;
  const startAt = sessionStartAt(irOfFile, catalog.sessionResource);
  // A start that runs only where the static holding a store is set runs behind that store.
  const holders = storeHolders(irs, stores, flowOf, catalog.sessionResource);
  const gatingStore = (start: Span): SessionStoreInfo | undefined => {
    const at = holders.size > 0 ? startAt(start) : undefined;
    return at ? storeGatingStart(flowOf(at.unit, catalog.sessionResource).states[at.node], holders) : undefined;
  };
  const sessionStoresAt = storeResource ? storesAt(stores, flowOf, storeResource, catalog.sessionResource, startAt, gatingStore) : undefined;
  // Methods an interceptor runs inside a helper's callback hold what that helper holds, if it does.
  const heldOf = interceptedHolds(irs);
  const lentResources = irs.flatMap((ir) => heldOf(ir).filter((resource) => resource.runsCallbacks));
  const testUnits = options.includeTests ? new Set<Unit>() : testClassUnits(irs, symbols);
  const requestRules = rules.filter((enabled) => !REQUEST_SESSION_RULES.has(enabled.rule.meta.id));
  const perFile: FileFindings[] = [];
  let testFiles = 0;
  let unitsSkipped = 0;
  // Relevance first: a PHP unit that is not entered open and can reach no open, close, write
  // or use of a resource has nothing to report; the rules skip it (its flow is still
  // computed wherever another unit needs it). `analyseEveryUnit` runs them on every unit,
  // which the parity test compares with this.
  const mayFind = (ir: FileIR, unit: Unit): boolean =>
    options.analyseEveryUnit === true || ir.language !== 'php' || ambient.has(unit) || dispatched.has(unit) || engine.mayTouchResources(unit);
  // Who calls each function, for fixes that must know what callers do after it returns (on first use).
  let callSites: Map<Unit, readonly CallSite[]> | undefined;
  const callersOf = (unit: Unit): CallerSite[] | undefined => {
    callSites ??= callSitesOf(irs, resolver, allRunSites);
    // Each caller as its own callers run it: a helper that returns with the session its caller
    // opened hands it back (a dispatch's candidate reached through `authenticate()`).
    return callSites.get(unit)?.map((site) => ({ flow: flowAsRun(site.unit) ?? flowOf(site.unit), node: site.node }));
  };
  // Who includes each file's top level, for advice to change the file that must hold in every request running it.
  const includersOf = (unit: Unit): CallerSite[] | undefined => {
    if (unit.kind !== 'script') return undefined;
    return allRunSites.get(unit)?.map((site) => ({ flow: flowAsRun(site.unit) ?? flowOf(site.unit), node: site.node }));
  };
  // Controller actions, for the early close a fix may insert without seeing their callers (on first use).
  let actions: Map<Unit, FrameworkAction> | undefined;
  const actionOf = (unit: Unit): FrameworkAction | undefined => {
    actions ??= frameworkActions(entryPresets, { files: irs, classParents: catalog.classParents ?? {} });
    return actions.get(unit);
  };
  const isFrameworkAction = (unit: Unit): boolean => actionOf(unit) !== undefined;
  const frameworkActionClose = (unit: Unit): string | undefined => actionOf(unit)?.sessionClose;
  for (const file of files.values()) {
    if (!file.reported || !file.ir) continue;
    const cli = commandLine.get(file.ir);
    if (cli) {
      const scope = cli.from === undefined ? '' : ` from line ${file.lines.positionAt(cli.from).line + 1} on`;
      notes.push({ file: file.path, message: `runs only from the command line${scope}: ${cli.reason}; no client carries its session, so session findings do not apply` });
    }
    const notTests = file.ir.units.filter((unit) => !testUnits.has(unit));
    if (notTests.length < file.ir.units.length) testFiles++;
    const units = notTests.filter((unit) => mayFind(file.ir!, unit));
    unitsSkipped += notTests.length - units.length;
    const ir = units.length < file.ir.units.length ? { ...file.ir, units } : file.ir;
    const wholeFile = cli !== undefined && cli.from === undefined;
    const sites = sitesOf(file);
    const ran = runRules(file, ir, wholeFile ? requestRules : rules, options, flowOf, sessionStoresAt, lentResources, resolver, () => sites, callersOf, isFrameworkAction, frameworkActionClose, heldOf(file.ir), lineAt, flowAsRun, includersOf, gatingStore);
    const found = { ...ran, findings: withSuppressionFixIn(ran.findings, sites) };
    sites?.dispose();
    // After a check that ends web requests, the code runs from the command line only; so does a
    // unit only command-line code runs.
    const cliFrom = cli?.from;
    const fileUnits = file.ir.units;
    const onlyRunFromCommandLine = fileUnits.filter((unit) => commandLineOnly.has(unit));
    for (const unit of onlyRunFromCommandLine) {
      notes.push({ file: file.path, message: `line ${spanLine(unit.span)}: ${unit.displayName} runs only from the command line: every place in the project that runs it is command-line code; session findings in it do not apply`, span: unit.span });
    }
    const fromCommandLine = (f: Finding): boolean =>
      REQUEST_SESSION_RULES.has(f.rule) &&
      f.span.file === file.path &&
      ((cliFrom !== undefined && f.span.start >= cliFrom) || (onlyRunFromCommandLine.length > 0 && onlyRunFromCommandLine.includes(innermostUnit(fileUnits, f.span)!)));
    perFile.push(cliFrom === undefined && onlyRunFromCommandLine.length === 0 ? found : { ...found, findings: found.findings.filter((f) => !fromCommandLine(f)) });
  }
  if (testFiles > 0) {
    notes.push({ file: '.', message: `left out as tests: the test classes (PHPUnit \`TestCase\` subclasses) of ${testFiles} file(s) (use --include-tests to analyse them)` });
  }
  // Findings under a store that takes no lock are grouped and suppressed like the others (so a
  // comment that hid one is still used), then left out and counted in the summary.
  const grouped = suppressAndGroup(perFile, files, reads);
  const findings = withSuppressionFixes(withScopes(grouped.filter((finding) => finding.unreported === undefined), files), (path) => sitesOf(files.get(normalizePath(path))));
  const unreported = grouped.filter((finding) => finding.unreported !== undefined);
  for (const file of files.values()) {
    if (!file.reported || !file.ir) continue;
    for (const read of file.ir.uncountedReads ?? []) {
      const line = file.lines.positionAt(read.span.start).line + 1;
      notes.push({ file: file.path, message: `line ${line}: \`${read.callee}\` reads a path not known here: not counted as slow work (only a URL is)`, span: read.span });
    }
  }
  for (const unresolved of resolver.unresolvedIncludes()) {
    const file = linesOf.get(unresolved.span.file);
    const line = file ? file.positionAt(unresolved.span.start).line + 1 : 0;
    notes.push({ file: unresolved.span.file, message: `line ${line}: include not followed: ${unresolved.reason}`, span: unresolved.span });
  }
  findings.sort((a, b) => compareSpans(a.span, b.span) || a.rule.localeCompare(b.rule));
  const kept = dedupe(findings);
  const summaryBefore = [...unreportedNotes(dedupe(unreported)), ...loweredNotes(kept)];
  const summaryAfter = [...unitCutNotes(engine.cuts, linesOf), ...interceptionNotes(irs, heldOf)];
  const summaryNotes = [...summaryBefore, ...cutNotes, ...summaryAfter];
  const stats = {
    units: irs.reduce((sum, ir) => sum + ir.units.length, 0),
    files: irs.length,
    searchWork: engine.searchWork + resolver.searchWork,
    filesParsed: work.stats.parsed + tsParsed,
    filesFromCache: work.stats.fromCache,
    unitsSkipped,
  };
  if (stage && reads) {
    keptRules!.keep(stage.project, stage.context, stage.files, reads, {
      findings: kept,
      notes: notes.slice(notesBeforeStage),
      summaryBefore,
      summaryAfter,
      searchWork: stats.searchWork,
      unitsSkipped,
    });
  }
  return { findings: kept, errors, notes, ...(summaryNotes.length > 0 ? { summaryNotes } : {}), stats };
}

/**
 * What the flow and the rules read besides the files' IR and texts (`KeptRulesStage`): the
 * project's files (which are given, which reported), the declarations' hashes, the merged
 * catalog and the frameworks' presets. Undefined when a preset is not plain data.
 */
function stageInputs(
  files: ReadonlyMap<string, LoadedFile>,
  catalog: Catalog,
  entryPresets: readonly FrameworkPreset[],
  nonLocking: ReadonlyMap<FrameworkPreset, unknown>,
  declaredHashes: readonly string[],
  skippedFiles: number,
  wholeProject: boolean,
): { project: string; context: string; files: StageFile[] } | undefined {
  const loaded = [...files.values()];
  let context: string;
  try {
    context = digestOf([hashOfFrozen(catalog), hashValue(entryPresets), ...[...nonLocking.keys()].map((preset) => preset.id), ...declaredHashes, String(skippedFiles), String(wholeProject)]);
  } catch {
    return undefined;
  }
  return {
    project: digestOf(loaded.map((file) => `${file.path}\0${file.requested}\0${file.reported}`)),
    context,
    files: loaded.map((file) => ({ path: file.path, text: file.text, ir: file.ir })),
  };
}

function declare(work: PhpFileWork, file: LoadedFile, errors: InputError[]): void {
  recordDeclared(file, work.declare([file])[0]!, errors);
}

/** Every given PHP file declared, and the files they include read through the host. Returns 0: none skipped. */
function declareEvery(work: PhpFileWork, files: Map<string, LoadedFile>, given: LoadedFile[], host: ProjectHost | undefined, options: AnalyzerOptions, errors: InputError[], cutNotes: string[]): number {
  work.declare(given).forEach((declared, i) => recordDeclared(given[i]!, declared, errors));
  // Files that are included but were not given: load them through the host, if it can.
  if (host && loadIncludedFiles(work, files, host, options, errors)) cutNotes.push(extraFilesCut('included PHP files'));
  return 0;
}

/**
 * Relevance first (issue 12): the given PHP files the byte scan cannot rule out are declared
 * (`relevance/parse-set.ts`), the others are left out of the run as if not given; the files
 * they include are read through the host as in `declareEvery`. The roots depend on the
 * frameworks in use, which depend on the files declared: round until neither changes.
 * Returns how many given files were skipped.
 */
function declareOnDemand(
  work: PhpFileWork,
  files: Map<string, LoadedFile>,
  given: LoadedFile[],
  host: ProjectHost | undefined,
  options: AnalyzerOptions,
  catalogOf: (presets: readonly FrameworkPreset[]) => Catalog,
  errors: InputError[],
  cutNotes: string[],
): number {
  const set = new ParseSet(given, normalizePath);
  const order = [...files.keys()];
  for (const file of given) files.delete(normalizePath(file.path));
  const indexOf = new Map(given.map((file, i) => [normalizePath(file.path), i] as const));
  const parsePending = (): void => {
    for (let batch = set.takePending(); batch.length > 0; batch = set.takePending()) {
      const chosen = batch.map((i) => given[i]!);
      for (const file of chosen) files.set(normalizePath(file.path), file);
      work.declare(chosen).forEach((declared, k) => {
        recordDeclared(chosen[k]!, declared, errors);
        set.parsed(batch[k]!, chosen[k]!.symbols);
      });
    }
  };
  // What decides which frameworks are in use: the files that could show one, and their settings files.
  set.addRoots(detectionNames(allPresets), () => false);
  for (const preset of allPresets) {
    for (const condition of [preset.controllers?.openWithSetting, preset.routes?.lockAllWithSetting, preset.nonLockingStore]) {
      for (const file of condition?.files ?? []) set.choosePath(rootPath(options, file));
    }
  }
  // Set when an include parsed a skipped file: the includes are followed again with its constants and names.
  let grew = false;
  const onDemand: OnDemandIncludes = {
    skipped: () => given.filter((_, i) => !set.isChosen(i)).map((file) => normalizePath(file.path)),
    take: (path) => {
      // Files the names of a file read through the host chose are parsed now too.
      if (set.choosePath(path) || set.hasPending()) {
        parsePending();
        grew = true;
      }
      return indexOf.has(path) ? files.get(path) : undefined;
    },
    extra: (file) => set.parsedExtra(file.path, file.text, file.symbols),
  };
  let presetIds: string | undefined;
  let cut = false;
  for (;;) {
    parsePending();
    const presets = activePresets(allPresets, options, host, [...files.values()].flatMap((file) => (file.symbols ? [file.symbols] : [])));
    const ids = presets.map((preset) => preset.id).join(',');
    if (ids !== presetIds) {
      presetIds = ids;
      set.addRoots(rootNames(catalogOf(presets), presets), entryMatcher(options, presets));
      continue;
    }
    grew = false;
    if (host) cut = loadIncludedFiles(work, files, host, options, errors, onDemand);
    if (!grew && !set.hasPending()) break;
  }
  if (cut) cutNotes.push(extraFilesCut('included PHP files'));
  // The run sees the files in the order it would with every file parsed: the given ones as
  // given (the order decides between declarations), then those read through the host.
  const loaded = new Map(files);
  files.clear();
  for (const path of order) if (loaded.has(path)) files.set(path, loaded.get(path)!);
  for (const [path, file] of loaded) if (!files.has(path)) files.set(path, file);
  return given.length - set.chosenCount;
}

/** Whether a path matches an entry point of the configuration or of a preset in use (as `entry-points.ts` matches them). */
function entryMatcher(options: AnalyzerOptions, presets: readonly FrameworkPreset[]): (path: string) => boolean {
  const root = options.root ?? '.';
  const globs = [...(options.entryPoints ?? []), ...presets.flatMap((p) => p.entryPoints ?? [])].map((entry) => picomatch(entry.files as string[], { dot: true }));
  return (path) => globs.some((matches) => matches(posix.relative(root === '' ? '.' : root, path)));
}

/** How `loadIncludedFiles` reaches the given files the relevance scan left out: an include of one parses it. */
interface OnDemandIncludes {
  /** The paths of the given files not parsed (yet). */
  skipped(): string[];
  /** Parses the skipped file at this path and returns it. */
  take(path: string): LoadedFile | undefined;
  /** A file read through the host was declared: its names go round. */
  extra(file: LoadedFile): void;
}

/** A file's declarations, and its syntax errors when it was asked about. */
function recordDeclared(file: LoadedFile, declared: DeclaredPhp, errors: InputError[]): void {
  if (file.reported) {
    for (const problem of declared.syntaxProblems) {
      errors.push({
        file: file.path,
        message: `line ${file.lines.positionAt(problem.start).line + 1}: syntax error, ${problem.message}; the rest of the file is still analysed`,
        span: { file: file.path, start: problem.start, end: problem.end },
      });
    }
  }
  file.symbols = declared.symbols;
  file.symbolsHash = declared.symbolsHash;
}

/** What lowering a project's TypeScript/JavaScript files gives: each file's IR, what it said, the modules it read. */
export interface TsLowering {
  /** Every TypeScript/JavaScript file lowered, the given ones and the imported modules read through the host. */
  readonly files: readonly LoadedFile[];
  readonly errors: readonly InputError[];
  readonly notes: readonly InputError[];
  readonly summaryNotes: readonly string[];
  readonly parsed: number;
}

/**
 * The TypeScript/JavaScript files lowered, or what the same files lowered to in an earlier run
 * (`kept`). Their lowering depends on their own paths, texts and `reported`, on what they read
 * through the host (modules not given, configs, installed packages: checked again by `kept`),
 * and on which files were given (an import of a given file is not read through the host);
 * nothing of the PHP side. So typing in a PHP file lowers no JavaScript again.
 */
function lowerTsProjectOrKept(
  kept: KeptResults<TsLowering> | undefined,
  tsFiles: LoadedFile[],
  files: Map<string, LoadedFile>,
  host: ProjectHost | undefined,
  libraryCache: LibraryFactsCache,
  errors: InputError[],
  notes: InputError[],
  summaryNotes: string[],
): number {
  const lower = (through: ProjectHost | undefined): TsLowering => {
    const lowered: TsLowering = { files: tsFiles, errors: [], notes: [], summaryNotes: [], parsed: 0 };
    const parsed = lowerTsProject(tsFiles, files, through, nodeCatalog, libraryCache, lowered.errors as InputError[], lowered.notes as InputError[], lowered.summaryNotes as string[]);
    return { ...lowered, parsed };
  };
  const key = kept ? digestOf(['ts-lowering', ...files.keys(), ...tsFiles.map((file) => `${file.path}\0${hashText(file.text)}\0${file.reported}`)]) : '';
  const { value, reused } = kept ? kept.get(key, host, lower) : { value: lower(host), reused: false };
  if (reused) {
    // Same paths and texts: this run's files take the kept IR, the modules read then are added again.
    for (const file of value.files) {
      const current = files.get(normalizePath(file.path));
      if (current) current.ir = file.ir;
      else files.set(file.path, file);
    }
  }
  errors.push(...value.errors);
  notes.push(...value.notes);
  summaryNotes.push(...value.summaryNotes);
  return reused ? 0 : value.parsed;
}

/**
 * Lowers the TypeScript/JavaScript files (and the project modules they import that were not
 * given, read through the host). Each file is parsed once; the type-aware programs (one per
 * project, built in turn and dropped) and the modules' pre-pass share the trees, which are
 * all dropped when this returns: the rules need only the IR. Returns how many files it parsed.
 */
function lowerTsProject(
  tsFiles: LoadedFile[],
  files: Map<string, LoadedFile>,
  host: ProjectHost | undefined,
  baseCatalog: NodeCatalog,
  libraryCache: LibraryFactsCache,
  errors: InputError[],
  notes: InputError[],
  summaryNotes: string[],
): number {
  // TypeScript/JavaScript: each file parsed once; the type-aware programs and the modules'
  // pre-pass (what each module exports, for imports across files) share the trees.
  const parsedTs = new Map(tsFiles.map((file) => [file, parseTypeScript(file.path, file.text)] as const));
  const { configs, workspacePaths, memberPackageOf } = tsProjectLookups(host);
  const declarations = new Map<LoadedFile, TsModuleDeclarations | undefined>();
  let nodeCatalog = baseCatalog;
  const tsDeclared = (file: LoadedFile): TsModuleDeclarations | undefined => {
    if (!declarations.has(file)) declarations.set(file, declareModule(file, parsedTs.get(file)!, nodeCatalog));
    return declarations.get(file);
  };
  // Modules imported by the given files but not given (`check src/routes` imports `src/db`).
  if (host && loadImportedModules(files, tsFiles, parsedTs, tsDeclared, configs, workspacePaths, host)) summaryNotes.push(extraFilesCut('imported modules'));
  const resolver = new TsModuleResolver(
    tsFiles.map((f) => f.path),
    (file) => configs.pathConfig(file),
    workspacePaths,
  );
  // Installed packages the catalog does not describe: what their exports do becomes catalog
  // data, and the pre-pass runs again with it (a module may keep such a package's client).
  if (host) {
    const libraries = new LibrarySummaries(host, levelsAboveOf(host), baseCatalog, libraryCache, (from, specifier) => resolver.isProjectSpecifier(from, specifier));
    nodeCatalog = libraries.catalogFor(tsFiles.map((file) => ({ from: file.path, refs: tsDeclared(file)?.imports.bindings.values() ?? [] })));
    if (nodeCatalog !== baseCatalog) declarations.clear();
    summaryNotes.push(...libraries.notes());
  }
  const sourcesByPath = new Map(tsFiles.map((file) => [file.path, parsedTs.get(file)!.source] as const));
  const run = typeAwareRun(
    tsFiles,
    configs,
    (file) => parsedTs.get(file)!.source,
    (path) => sourcesByPath.get(path),
    (from, specifier) => resolver.resolve(from, specifier),
    memberPackageOf,
  );
  const modules = new TsProjectModules(
    tsFiles.flatMap((file) => tsDeclared(file) ?? []),
    resolver,
    nodeCatalog,
    (file) => run.typesOf(file),
  );
  run.lowerAll(
    (file, types) => lowerTs(nodeCatalog, file, errors, parsedTs.get(file)!, types, modules),
    () => modules.forgetValues(),
  );
  if (configs.hasHost) notes.push(...run.notes);
  const summary = configs.hasHost ? run.summary() : undefined;
  if (summary) summaryNotes.push(summary);
  for (const file of tsFiles) {
    if (!file.reported) continue;
    for (const unresolved of modules.unresolvedImports(file.path)) {
      if (host && isDataModule(host, file.path, unresolved.specifier)) continue;
      const line = file.lines.positionAt(unresolved.span.start).line + 1;
      notes.push({ file: file.path, message: `line ${line}: import not followed: no file of the project matches \`${unresolved.specifier}\``, span: unresolved.span });
    }
  }
  return parsedTs.size;
}

/**
 * The configs and workspaces of a run, read through the host: each file's project (nearest
 * tsconfig/jsconfig, `extends`, `references`) and the workspace packages by name.
 */
function tsProjectLookups(host: ProjectHost | undefined): {
  configs: TsConfigs;
  workspacePaths: (from: string, specifier: string) => readonly string[] | undefined;
  memberPackageOf: (file: string) => string | undefined;
} {
  const levels = levelsAboveOf(host);
  // Each needs the other: a config may extend one of a workspace package, and a package's
  // `exports` map back to its sources through its config's `outDir`.
  let configs: TsConfigs | undefined;
  const workspaces = host ? new TsWorkspaces(host, levels, (folder) => configs?.buildFolders(folder)) : undefined;
  configs = new TsConfigs(host, levels, (from, name) => workspaces?.packageFolder(from, name));
  return { configs, workspacePaths: (from, specifier) => workspaces?.modulePaths(from, specifier), memberPackageOf: (file) => workspaces?.memberPackageOf(file) };
}

/** `require('./defaults')` of a `defaults.json`: data, not a module to follow (nor to note). */
function isDataModule(host: ProjectHost, from: string, specifier: string): boolean {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return false;
  const base = normalizePath(posix.join(posix.dirname(from), specifier));
  return host.readFile(`${base}.json`) !== undefined;
}

/** A TypeScript/JavaScript file: lowered with its imports, and the checker in type-aware mode. */
function lowerTs(catalog: NodeCatalog, file: LoadedFile, errors: InputError[], parsed: ParsedTs, types: TsProgramOracle | undefined, modules: TsProjectModules | undefined): void {
  const lowered = lowerTypeScript(parsed.source, file.path, catalog, types, modules);
  file.ir = lowered.ir;
  if (!file.reported) return;
  for (const problem of parsed.problems) {
    errors.push({
      file: file.path,
      message: `line ${file.lines.positionAt(problem.start).line + 1}: syntax error, ${problem.message}; the rest of the file is still analysed`,
      span: { file: file.path, start: problem.start, end: problem.end },
    });
  }
  for (const problem of lowered.problems) {
    errors.push({ file: file.path, message: `line ${file.lines.positionAt(problem.span.start).line + 1}: ${problem.message}`, span: problem.span });
  }
}

/** The modules' pre-pass for one file; one file it fails on is lowered alone (its imports only), not the run's end. */
function declareModule(file: LoadedFile, parsed: ParsedTs, catalog: NodeCatalog): TsModuleDeclarations | undefined {
  try {
    return declareTsModule(parsed.source, file.path, catalog);
  } catch {
    return undefined;
  }
}

/**
 * Project modules that given files import but that were not given, read through the host
 * (bounded, as included PHP files are): their exports are known, their findings not reported.
 */
function loadImportedModules(
  files: Map<string, LoadedFile>,
  tsFiles: LoadedFile[],
  parsedTs: Map<LoadedFile, ParsedTs>,
  declared: (file: LoadedFile) => TsModuleDeclarations | undefined,
  configs: TsConfigs,
  workspacePaths: (from: string, specifier: string) => readonly string[] | undefined,
  host: ProjectHost,
): boolean {
  const paths = new TsModuleResolver([], (file) => configs.pathConfig(file), workspacePaths);
  const queue = [...tsFiles];
  const tried = new Set<string>();
  let loaded = 0;
  while (queue.length > 0 && loaded < MAX_EXTRA_FILES) {
    const file = queue.shift()!;
    for (const { specifier } of declared(file)?.specifiers ?? []) {
      // Already normalized, as the keys of `files` are.
      const candidates = paths.candidatePaths(file.path, specifier);
      if (candidates.some((candidate) => files.has(candidate))) continue;
      for (const candidate of candidates) {
        const extra = readExtraFile(host, candidate, tried, files);
        if (!extra) continue;
        tsFiles.push(extra);
        parsedTs.set(extra, parseTypeScript(candidate, extra.text));
        queue.push(extra);
        loaded++;
        break;
      }
    }
  }
  // Stopped at the bound with modules left whose imports were not followed.
  return queue.length > 0 && loaded >= MAX_EXTRA_FILES;
}

/** A file's IR, and what could not be lowered when it was asked about. */
function recordLowered(file: LoadedFile, lowered: LoweredPhp, errors: InputError[]): void {
  file.ir = lowered.ir;
  if (file.reported) {
    for (const problem of lowered.problems) {
      errors.push({
        file: file.path,
        message: `line ${file.lines.positionAt(problem.span.start).line + 1}: ${problem.message}`,
        span: problem.span,
        ...(problem.internal ? { internal: true } : {}),
        ...(problem.detail ? { detail: problem.detail } : {}),
      });
    }
  }
}

/**
 * Included files outside the given set (a bootstrap in a folder not passed on the command
 * line) are read through the host, found from each file's includes. Each file is visited
 * once per directory of an entry script that reaches it (every given file counts as an
 * entry here), as relative includes resolve against that directory.
 */
function loadIncludedFiles(
  work: PhpFileWork,
  files: Map<string, LoadedFile>,
  host: ProjectHost,
  options: AnalyzerOptions,
  errors: InputError[],
  onDemand?: OnDemandIncludes,
): boolean {
  const queue: (readonly [LoadedFile, string])[] = [];
  const visited = new Set<string>();
  const visit = (file: LoadedFile, entryDir: string): void => {
    const key = `${normalizePath(file.path)}\0${entryDir}`;
    if (visited.has(key)) return;
    visited.add(key);
    queue.push([file, entryDir]);
  };
  const tried = new Set<string>();
  const includePaths = includePathsOf(options);
  // Kept up to date as files are loaded, rather than rebuilt for every include.
  const paths = new Set([...files.keys(), ...(onDemand?.skipped() ?? [])]);
  const constants = new ConstantTable();
  // What the loaded files' `set_include_path()` calls set, growing as files are loaded.
  const setInCode: StaticString[] = [];
  const addDeclared = (file: LoadedFile): void => {
    if (file.symbols) constants.add(file.symbols);
    setInCode.push(...(file.symbols?.includePathSets ?? []));
  };
  files.forEach(addDeclared);
  for (const file of files.values()) visit(file, posix.dirname(normalizePath(file.path)));
  const constant = (name: string): StaticString | undefined => constants.get(name);
  const ownConstant = ownConstantOf(files);
  let helperSymbols: ProjectSymbols | undefined;
  let loaded = 0;
  let next = 0;
  // Files whose include-helper calls were looked at, with the helpers known then (a helper
  // declared in a file loaded later sends them round again).
  let helperRound = 0;
  let knownHelpers = 0;
  const helperCallsDone = new Map<string, number>();
  for (;;) {
  for (; next < queue.length && loaded < MAX_EXTRA_FILES; next++) {
    const [file, entryDir] = queue[next]!;
    const symbols = file.symbols;
    if (!symbols) continue;
    for (const [include, from] of [...symbols.includes.map((path) => [path, file.path] as const), ...helperIncludesOf(file, entryDir)]) {
      const targets = includeTargets(include, normalizePath(from), paths, { includePaths, constant, ownConstant, setInCode, entryDirs: [entryDir] });
      if (!targets) continue;
      for (const match of targets.matches) {
        let file = files.get(match);
        if (!file && onDemand) {
          file = onDemand.take(match);
          if (file) addDeclared(file);
        }
        if (file) visit(file, entryDir);
      }
      if (targets.matches.length > 0) continue;
      const candidates = [...targets.exactMisses, ...patternCandidates(host, targets.patternMisses)];
      for (const candidate of candidates) {
        const extra = readExtraFile(host, candidate, tried, files);
        if (!extra) continue;
        paths.add(candidate);
        declare(work, extra, errors);
        onDemand?.extra(extra);
        addDeclared(extra);
        visit(extra, entryDir);
        loaded++;
        // An exact path loads one file; a pattern loads every file it matches.
        if (targets.exactMisses.includes(candidate)) break;
      }
    }
  }
  if (next < queue.length) return true;
  // Include helpers declared by files loaded since the last round: the files that call them
  // (`require_api('x.php')`) go round again, so what those calls include is read too.
  const helpers = includeHelpersOf(files);
  if (helpers.size === knownHelpers || helperRound >= MAX_HELPER_ROUNDS) return false;
  knownHelpers = helpers.size;
  helperRound++;
  helperSymbols = new ProjectSymbols([...files.values()].flatMap((f) => (f.symbols ? [f.symbols] : [])));
  const again = queue.filter(([file]) => file.symbols?.literalCalls?.some((call) => helpers.has(call.name)));
  if (again.length === 0) return false;
  for (const item of again) helperCallsDone.delete(`${normalizePath(item[0].path)}\0${item[1]}`);
  queue.push(...again);
  }

  /** The paths a file's calls of include helpers include (each file once per round and entry directory). */
  function helperIncludesOf(file: LoadedFile, entryDir: string): (readonly [StaticString, string])[] {
    const calls = file.symbols?.literalCalls;
    if (!calls || !helperSymbols) return [];
    const key = `${normalizePath(file.path)}\0${entryDir}`;
    if (helperCallsDone.get(key) === helperRound) return [];
    helperCallsDone.set(key, helperRound);
    const found: (readonly [StaticString, string])[] = [];
    for (const call of calls) {
      const helper = helperSymbols.includeHelper(call.name);
      if (!helper) continue;
      for (const path of helperSymbols.instantiate(helper.path, (index) => call.args[index]) ?? []) found.push([path, helper.from]);
    }
    return found;
  }
}

/** Include helpers rounds: a helper reached only through another helper's file needs one more. */
const MAX_HELPER_ROUNDS = 16;

/** The names of the include helpers the loaded files declare. */
function includeHelpersOf(files: ReadonlyMap<string, LoadedFile>): ReadonlySet<string> {
  const names = new Set<string>();
  for (const file of files.values()) for (const name of file.symbols?.includeHelpers?.keys() ?? []) names.add(name);
  return names;
}

/** The directories of the entry scripts each PHP file runs under, for relative includes. */
function entryDirsOf(
  files: ReadonlyMap<string, LoadedFile>,
  options: AnalyzerOptions,
  constant: (name: string) => StaticString | undefined,
  setInCode: readonly StaticString[],
  ownConstant: (file: string, name: string) => StaticString | undefined,
): EntryDirectories {
  const php = [...files.values()].filter((file) => file.symbols);
  return entryDirectories(
    php.map((file) => ({ path: file.path, includes: [...file.symbols!.includes, ...(file.ir ? helperIncludes(file.ir) : [])], entry: file.requested })),
    { includePaths: includePathsOf(options), constant, ownConstant, setInCode },
  );
}

/** The value a file gives a constant itself, not as a fallback (see `IncludeSearch.ownConstant`). */
function ownConstantOf(files: ReadonlyMap<string, LoadedFile>): (file: string, name: string) => StaticString | undefined {
  return (file, name) => {
    const symbols = files.get(file)?.symbols;
    return symbols?.fallbackDefines?.includes(name) ? undefined : symbols?.constants.get(name);
  };
}

/** The values the files' `set_include_path()` calls set (see `IncludeSearch.setInCode`). */
function includePathSetsOf(files: Iterable<LoadedFile>): StaticString[] {
  return [...files].flatMap((file) => file.symbols?.includePathSets ?? []);
}

/**
 * A file the given ones need (an included PHP file, an imported module) read through the
 * host, once per path; undefined when it was tried before or cannot be read.
 */
function readExtraFile(host: ProjectHost, candidate: string, tried: Set<string>, files: Map<string, LoadedFile>): LoadedFile | undefined {
  if (tried.has(candidate)) return undefined;
  tried.add(candidate);
  const text = host.readFile(candidate);
  if (text === undefined) return undefined;
  const extra: LoadedFile = { path: candidate, text, lines: new LineIndex(text), requested: false, reported: false };
  files.set(candidate, extra);
  return extra;
}

/** The configuration files of the active presets' settings, read through the host when not given. */
function loadSettingFiles(
  work: PhpFileWork,
  files: Map<string, LoadedFile>,
  host: ProjectHost,
  options: AnalyzerOptions,
  presets: readonly FrameworkPreset[],
  errors: InputError[],
): void {
  const conditions = presets.flatMap((p) => [p.controllers?.openWithSetting, p.routes?.lockAllWithSetting, p.nonLockingStore]).filter((c) => c !== undefined);
  const tried = new Set<string>();
  for (const condition of conditions) {
    for (const file of condition.files) {
      const path = rootPath(options, file);
      if (files.has(path)) continue;
      const extra = readExtraFile(host, path, tried, files);
      if (extra) declare(work, extra, errors);
    }
  }
}

/** Where the first existing file of a setting condition sets it to its value, if it does. */
function settingLookup(files: ReadonlyMap<string, LoadedFile>, options: AnalyzerOptions): (condition: SettingCondition) => Span | undefined {
  return (condition) => {
    for (const file of condition.files) {
      const symbols = files.get(rootPath(options, file))?.symbols;
      if (!symbols) continue;
      const setting = symbols.settings.get(condition.key);
      return setting?.values.includes(condition.value) ? setting.span : undefined;
    }
    return undefined;
  };
}

/** A path relative to the project root, as the analysis names files. */
function rootPath(options: AnalyzerOptions, file: string): string {
  const root = options.root ?? '.';
  return normalizePath(root === '.' || root === '' ? file : posix.join(root, file));
}

/** Files in the directory of each pattern's literal start that match the pattern. */
function patternCandidates(host: ProjectHost, patterns: readonly string[][]): string[] {
  const found: string[] = [];
  for (const pieces of patterns) {
    const first = pieces[0]!;
    const slash = first.lastIndexOf('/');
    const dir = slash === -1 ? '.' : first.slice(0, slash) || '/';
    for (const entry of host.listDirectory?.(dir) ?? []) {
      const path = normalizePath(entry);
      if (matchesPattern(path, pieces)) found.push(path);
    }
  }
  return found.sort();
}

/** The include path of the configuration, as paths relative to the working directory. */
function includePathsOf(options: AnalyzerOptions): string[] {
  const root = options.root ?? '.';
  return (options.includePaths ?? []).map((dir) => normalizePath(posix.join(root, dir)));
}

/** Where fixes can edit a file (parsed again on first use; `dispose()` frees the tree). */
function editSitesOf(parser: PhpParser, file: LoadedFile | undefined): EditSites | undefined {
  if (!file) return undefined;
  if (isTypeScriptPath(file.path)) return new TsEditSites(file.path, file.text);
  return new PhpEditSites(parser, file.path, file.text);
}

/** What the rules found in one requested file, before suppressions. */
interface FileFindings {
  readonly file: LoadedFile;
  readonly ir: FileIR;
  readonly findings: Finding[];
  /** The rules that ran on it (a command-line script runs no lock rule). */
  readonly ran: readonly EnabledRule[];
}

function runRules(
  file: LoadedFile,
  ir: FileIR,
  rules: readonly EnabledRule[],
  options: AnalyzerOptions,
  flowOf: (unit: Unit, resource?: ResourceId) => UnitFlow,
  sessionStoresAt: RuleContext['sessionStoresAt'],
  lentResources: readonly HeldResourceInfo[] = [],
  resolver?: CallResolver,
  editSites?: () => EditSites | undefined,
  callersOf?: RuleContext['callersOf'],
  isFrameworkAction?: RuleContext['isFrameworkAction'],
  frameworkActionClose?: RuleContext['frameworkActionClose'],
  held: readonly HeldResourceInfo[] = ir.heldResources ?? [],
  lineOfSpan?: (span: Span) => number,
  flowAsRun?: RuleContext['flowAsRun'],
  includersOf?: RuleContext['includersOf'],
  storeBehindStart?: RuleContext['storeBehindStart'],
): FileFindings {
  // Resources of helpers that run their callers' callbacks while holding them (`withClient(fn)`).
  const lent = ir.language === 'php' ? [] : lentResources;
  const resourcesOf = (unit: Unit): readonly HeldResourceInfo[] => {
    const own = held.filter((resource) => resource.unit === unit.id);
    if (lent.length === 0 || !unit.cfg.nodes.some((node) => node.effect?.kind === 'call' && node.effect.callables !== undefined)) return own;
    return [...own, ...lent.filter((resource) => !own.some((o) => o.id === resource.id))];
  };
  const lineOf = (offset: number): number => file.lines.positionAt(offset).line + 1;
  const findings: Finding[] = [];
  for (const { rule, severity } of rules) {
    if (!rule.meta.languages.includes(ir.language)) continue;
    const context: RuleContext = {
      file: ir,
      flowOf,
      resourcesOf,
      severity,
      slowKindSeverity: (kind) => slowKindSeverity(options, severity, kind),
      lineOf,
      ...(lineOfSpan ? { lineOfSpan } : {}),
      knownRuleIds: ruleIds,
      ...(options.sessionLocks !== undefined ? { sessionLocks: options.sessionLocks } : {}),
      ...(options.reportNonLockingStores ? { reportNonLockingStores: true } : {}),
      ...(sessionStoresAt ? { sessionStoresAt } : {}),
      ...(resolver ? { resolveCall: (target: CallTarget, from: Unit, span: Span) => resolver.resolve(target, from, span) } : {}),
      ...(editSites ? { editSites } : {}),
      ...(callersOf ? { callersOf } : {}),
      ...(isFrameworkAction ? { isFrameworkAction } : {}),
      ...(frameworkActionClose ? { frameworkActionClose } : {}),
      ...(flowAsRun ? { flowAsRun } : {}),
      ...(includersOf ? { includersOf } : {}),
      ...(storeBehindStart ? { storeBehindStart } : {}),
    };
    findings.push(...rule.check(context));
  }
  return { file, ir, findings, ran: rules };
}

/**
 * Suppressions, then one finding per cause. A comment at a place that reaches a shared cause
 * hides that place; the places left are grouped (`groupByCause`), and a comment at the cause
 * hides the finding that stands for them all. A suppression that hid nothing in either pass
 * is reported by `invalid-suppression`.
 */
function suppressAndGroup(perFile: readonly FileFindings[], files: ReadonlyMap<string, LoadedFile>, reads?: Map<string, TextReads>): Finding[] {
  const byFile = new Map(perFile.map((entry) => [entry.file.path, entry] as const));
  const suppressionsOf = new Map(perFile.map(({ file, ir }) => [file.path, parseSuppressions(ir, lineIn(file))] as const));
  const used = new Set<Suppression>();
  const suppress = (findings: readonly Finding[], path: string): Finding[] => {
    const entry = byFile.get(path);
    if (!entry) return [...findings];
    const suppressions = suppressionsOf.get(path) ?? [];
    const { kept, unused } = applySuppressions(findings, suppressions, lineIn(entry.file));
    const left = new Set(unused);
    for (const suppression of suppressions) if (!left.has(suppression)) used.add(suppression);
    return kept;
  };
  const places = perFile.flatMap((entry) => suppress(entry.findings, entry.file.path));
  const grouping = {
    requested: (path: string) => byFile.has(path),
    line: (span: Span) => (files.get(normalizePath(span.file))?.lines.positionAt(span.start).line ?? 0) + 1,
  };
  const grouped = groupByCause(places, grouping);
  // Findings that now stand at a cause: the comments of the cause's file apply to them.
  const findings: Finding[] = [];
  const moved = new Map<string, Finding[]>();
  const unchanged = new Set(places);
  for (const finding of grouped) {
    if (unchanged.has(finding)) findings.push(finding);
    else moved.set(finding.span.file, [...(moved.get(finding.span.file) ?? []), finding]);
  }
  for (const [path, group] of moved) findings.push(...suppress(group, path));
  // A helper that runs its callers' slow callbacks with its own resource held: once, at its call.
  const helpers = new Map<string, Finding[]>();
  for (const finding of helperCallbackFindings(places, grouping)) helpers.set(finding.span.file, [...(helpers.get(finding.span.file) ?? []), finding]);
  for (const [path, group] of helpers) findings.push(...suppress(group, path));

  // A suppression that hides nothing is noise that outlives the code it was written for;
  // only rules that ran can tell (one turned off makes its suppressions moot, not wrong).
  for (const { file, ran: rules } of perFile) {
    const invalid = rules.find((r) => r.rule.meta.id === 'invalid-suppression');
    if (!invalid) continue;
    const ran = new Set(rules.map((r) => r.rule.meta.id));
    for (const suppression of suppressionsOf.get(file.path) ?? []) {
      if (used.has(suppression)) continue;
      const ids = suppression.rules.filter((id) => ran.has(id) && id !== 'invalid-suppression');
      if (ids.length === 0 || ids.length !== suppression.rules.length) continue;
      findings.push({
        rule: 'invalid-suppression',
        severity: invalid.severity,
        message: `Suppression of \`${ids.join(', ')}\` hides nothing: no such finding on this line or the next. Remove it.`,
        span: suppression.span,
        related: [],
        fixes: optional(removeSuppressionFix(suppression, file.text, file.text.slice(suppression.span.start, suppression.span.end), readsOf(reads, file.path))),
      });
    }
  }
  return withRuleIdCorrections(findings, perFile, suppressionsOf);
}

/**
 * A misspelt id in an otherwise valid suppression, whose corrected form would hide a finding
 * on its lines, gets the correction as its fix; the findings it would hide lose their own fixes
 * (the comment says, with a reason, that they are accepted), keeping "ignore this finding".
 */
function withRuleIdCorrections(findings: Finding[], perFile: readonly FileFindings[], suppressionsOf: ReadonlyMap<string, readonly Suppression[]>): Finding[] {
  const replaced = new Map<Finding, Finding>();
  for (const { file } of perFile) {
    for (const suppression of suppressionsOf.get(file.path) ?? []) {
      const correctable = correctableId(suppression, ruleIds);
      if (!correctable) continue;
      const report = findings.find((f) => f.rule === 'invalid-suppression' && f.span.file === file.path && f.span.start === suppression.span.start && f.span.end === suppression.span.end);
      const hidden = findings.filter((f) => f.rule === correctable.rule && coveredBy(suppression, f, lineIn(file)));
      if (!report || hidden.length === 0) continue;
      replaced.set(report, { ...report, fixes: [correctRuleIdFix(suppression, correctable.index, correctable.rule)] });
      for (const finding of hidden) replaced.set(finding, { ...finding, fixes: finding.fixes.filter((fix) => fix.applicability === 'display-only') });
    }
  }
  return replaced.size === 0 ? findings : findings.map((finding) => replaced.get(finding) ?? finding);
}

/** The record of what was read of a file's text, when an analysis keeps one. */
function readsOf(reads: Map<string, TextReads> | undefined, path: string): TextReads | undefined {
  if (!reads) return undefined;
  let read = reads.get(path);
  if (!read) reads.set(path, (read = new TextReads()));
  return read;
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function lineIn(file: LoadedFile): (offset: number) => number {
  return (offset) => file.lines.positionAt(offset).line + 1;
}

/** Each finding with the span of the innermost unit it is in, so a code frame quotes only that unit's lines. */
function withScopes(findings: readonly Finding[], files: ReadonlyMap<string, LoadedFile>): Finding[] {
  const byFile = new Map<string, Span[]>();
  const unitsOf = (file: string): Span[] => {
    let spans = byFile.get(file);
    if (!spans) {
      // By start, outer before inner: the last one that starts before a span and contains it is the innermost.
      spans = (files.get(normalizePath(file))?.ir?.units ?? []).map((unit) => unit.span).sort((a, b) => a.start - b.start || b.end - a.end);
      byFile.set(file, spans);
    }
    return spans;
  };
  return findings.map((finding) => {
    const scope = innermostContaining(unitsOf(finding.span.file), finding.span);
    return scope ? { ...finding, scope } : finding;
  });
}

/** Siblings looked at, walking back from the last unit that starts before a span, before giving up. */
const MAX_SCOPE_STEPS = 256;

function innermostContaining(units: readonly Span[], span: Span): Span | undefined {
  let low = 0;
  let high = units.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (units[middle]!.start <= span.start) low = middle + 1;
    else high = middle;
  }
  for (let i = low - 1, steps = 0; i >= 0 && steps < MAX_SCOPE_STEPS; i--, steps++) {
    if (units[i]!.end >= span.end) return units[i];
  }
  // The file's top level holds every other unit: it is first, and holds what no function does.
  return units[0] !== undefined && units[0].start <= span.start && units[0].end >= span.end ? units[0] : undefined;
}

/** "Analysis incomplete: more than 5000 included PHP files …" */
function extraFilesCut(what: string): string {
  return `Analysis incomplete: more than ${MAX_EXTRA_FILES} ${what} outside the given paths were needed; the rest were not read, so findings reached through them may be missing.`;
}

/**
 * One line per unit a bound cut short ("Analysis of `f()` in x.php (line 3) was cut: …; findings
 * … may be missing."), the first few by name and the rest counted.
 */
function unitCutNotes(cuts: readonly AnalysisCut[], linesOf: ReadonlyMap<string, LineIndex>): string[] {
  const named = cuts.slice(0, MAX_LISTED_CUTS).map(({ unit, reason }) => {
    const line = (linesOf.get(unit.span.file)?.positionAt(unit.span.start).line ?? 0) + 1;
    const what = unit.kind === 'script' ? `the top level of ${unit.span.file}` : `${quoteCode(unit.displayName)} in ${unit.span.file} (line ${line})`;
    return `Analysis of ${what} was cut: ${reason}.`;
  });
  const rest = cuts.length - named.length;
  return rest > 0 ? [...named, `The analysis of ${rest} more unit${rest === 1 ? ' was' : 's were'} cut the same way.`] : named;
}

/**
 * "2 lock findings not reported: `DbSession` (installed at lib/session.php:12) takes no lock
 * (…)", one line per reason, for the summary.
 */
function unreportedNotes(findings: readonly Finding[]): string[] {
  const counts = new Map<string, number>();
  for (const finding of findings) if (finding.unreported) counts.set(finding.unreported, (counts.get(finding.unreported) ?? 0) + 1);
  return [...counts].map(
    ([reason, n]) =>
      `${n} lock finding${n === 1 ? '' : 's'} not reported: ${reason} (use --report-non-locking-stores to report ${n === 1 ? 'it' : 'them'} as if PHP's file store were used).`,
  );
}

/** "3 lock findings lowered to info: <why>", one line per reason, for the summary. */
function loweredNotes(findings: readonly Finding[]): string[] {
  const counts = new Map<string, number>();
  for (const finding of findings) if (finding.lowered) counts.set(finding.lowered, (counts.get(finding.lowered) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} lock finding${n === 1 ? '' : 's'} lowered to info: ${reason}.`);
}

/** The same finding twice (a `finally` block lowered once per exit path) is reported once. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.span.file}:${finding.rule}:${finding.span.start}:${finding.span.end}:${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Files by normalised path, code unit by code unit (locale-independent). */
function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  const left = normalizePath(a.path);
  const right = normalizePath(b.path);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The unit a finding is in: the innermost function, method or top level whose span holds it. A file's top level spans the
 * functions declared in it, which are units of their own: a file only command-line code
 * includes may declare a function web pages call (Observium's `sessions.inc.php`, included by a
 * command-line script's `functions.inc.php` and declaring the `session_logout()` the web login
 * calls), whose findings stay.
 */
function innermostUnit(units: readonly Unit[], span: Span): Unit | undefined {
  let found: Unit | undefined;
  for (const unit of units) {
    // A closure runs where the code around it runs it: it is judged with that code.
    if (unit.kind === 'closure' || span.start < unit.span.start || span.end > unit.span.end) continue;
    if (!found || unit.span.end - unit.span.start < found.span.end - found.span.start) found = unit;
  }
  return found;
}
