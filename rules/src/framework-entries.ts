import {
  siteFromChain,
  type CallResolver,
  type FileIR,
  type FlowEngine,
  type OpenSite,
  type ResourceId,
  type Span,
  type Unit,
} from '../../core/src';
import type { ControllerModel, FrameworkPreset, MiddlewareModel, RouteModel, SettingCondition } from './frameworks/preset';

/** What the framework entries need from the project. */
export interface FrameworkEntryContext {
  readonly files: readonly FileIR[];
  readonly engine: FlowEngine;
  readonly resolver: CallResolver;
  readonly resource: ResourceId;
  /** Library parents of framework classes (the merged catalog's `classParents`). */
  readonly classParents: Readonly<Record<string, string>>;
  /** Where a configuration file makes the setting, if one does. */
  readonly setting: (condition: SettingCondition) => Span | undefined;
}

type Add = (unit: Unit, sites: readonly OpenSite[]) => void;

/**
 * Units a framework runs with the session open before (or around) the project's code:
 * controller actions (Nextcloud's `#[UseSession]`, CodeIgniter's autoloaded session library or a
 * constructor that starts it) and locking routes (Laravel's `->block()`). Each gets the site
 * where the framework opened it, as the finding's "session opened here" location.
 */
export function frameworkEntrySites(presets: readonly FrameworkPreset[], context: FrameworkEntryContext, add: Add): void {
  for (const preset of presets) {
    if (preset.controllers) controllerEntries(preset.controllers, context, add);
    if (preset.routes) routeEntries(preset.routes, context, add);
  }
}

/** A controller action, and the framework's close of its session as the action can write it (`ControllerModel.sessionClose`). */
export interface FrameworkAction {
  readonly sessionClose?: string;
}

/**
 * Controller actions of the presets' controller models: units the framework itself enters, once
 * per request, and nothing after them in the request needs the session but the framework's end
 * of request (which saves it, or finds it saved). A fix may close the session early in one
 * without seeing its callers.
 */
export function frameworkActions(presets: readonly FrameworkPreset[], context: Pick<FrameworkEntryContext, 'files' | 'classParents'>): Map<Unit, FrameworkAction> {
  const actions = new Map<Unit, FrameworkAction>();
  for (const preset of presets) {
    if (!preset.controllers) continue;
    const closes = Object.entries(preset.controllers.sessionClose ?? {}).map(([base, call]) => ({ extendsBase: subclassTest(context, [base]), call }));
    for (const { unit, setup } of controllerMethods(preset.controllers, context)) {
      if (setup) continue;
      const close = closes.find((candidate) => candidate.extendsBase(unit.className!))?.call;
      actions.set(unit, close !== undefined ? { sessionClose: close } : {});
    }
  }
  return actions;
}

/** Public methods of the model's controllers that are actions or setup methods. */
function* controllerMethods(model: ControllerModel, context: Pick<FrameworkEntryContext, 'files' | 'classParents'>): Generator<{ unit: Unit; setup: boolean }> {
  const isController = subclassTest(context, model.baseClasses);
  for (const file of context.files) {
    for (const unit of file.units) {
      if (unit.kind !== 'method' || unit.className === undefined || unit.visibility !== 'public' || !isController(unit.className)) continue;
      const name = unit.qualifiedName ?? '';
      const setup = model.setupMethods.includes(name);
      // Magic methods (`__construct`, `__get`) are never actions.
      if (!setup && (name.startsWith('__') || (model.hiddenPrefix && name.startsWith(model.hiddenPrefix)))) continue;
      if (!setup && (model.nonActions?.includes(name) || (model.actionPrefix && !(name.startsWith(model.actionPrefix) && name.length > model.actionPrefix.length)))) continue;
      yield { unit, setup };
    }
  }
}

function controllerEntries(model: ControllerModel, context: FrameworkEntryContext, add: Add): void {
  const setting = model.openWithSetting ? context.setting(model.openWithSetting) : undefined;
  const settingSite = setting && model.openWithSetting ? siteFromChain([{ span: setting, label: model.openWithSetting.label }]) : undefined;
  const setupSites = new Map<string, readonly OpenSite[]>();
  const middlewareSites = model.middleware ? middlewareLeavesOpen(model.middleware, context) : [];
  for (const { unit, setup } of controllerMethods(model, context)) {
    const sites: OpenSite[] = [];
    // A setting opens the session for every request: setup methods run with it open too.
    if (settingSite) sites.push(settingSite);
    if (!setup) {
      const annotation = model.openWithAnnotation && unit.annotations?.find((a) => model.openWithAnnotation!.names.includes(a.name));
      if (annotation) sites.push(siteFromChain([{ span: annotation.span, label: model.openWithAnnotation!.label }]));
      if (!settingSite) sites.push(...middlewareSites, ...setupLeavesOpen(unit, model, context, setupSites));
    }
    if (sites.length > 0) add(unit, sites);
  }
}

/**
 * The sites a controller's setup methods (constructor, `initController`) leave open: they run
 * before every action, so the action starts with the session open there.
 */
function setupLeavesOpen(action: Unit, model: ControllerModel, context: FrameworkEntryContext, cache: Map<string, readonly OpenSite[]>): readonly OpenSite[] {
  const className = action.className!;
  const cached = cache.get(className);
  if (cached) return cached;
  const sites: OpenSite[] = [];
  for (const method of model.setupMethods) {
    for (const setup of context.resolver.resolve({ type: 'method', className, method }, action, action.span)) {
      const exit = context.engine.analyze(setup, context.resource).exit;
      if (!exit || exit.closed) continue;
      for (const site of exit.open) {
        const label = `${setup.displayName} runs before every action of the controller and leaves the session open`;
        sites.push(siteFromChain([{ span: { ...setup.span, end: setup.span.start }, label }, ...site.chain]));
      }
    }
  }
  cache.set(className, sites);
  return sites;
}

/**
 * The sites the project's middleware leaves open: each action runs inside every middleware, so
 * it starts with the session open where one of them opened it and did not close it again.
 */
function middlewareLeavesOpen(model: MiddlewareModel, context: FrameworkEntryContext): OpenSite[] {
  const isMiddleware = implementsTest(context, model.interfaces);
  const sites: OpenSite[] = [];
  for (const file of context.files) {
    for (const unit of file.units) {
      if (unit.kind !== 'method' || unit.className === undefined || !model.methods.includes(unit.qualifiedName ?? '') || !isMiddleware(unit.className)) continue;
      const exit = context.engine.analyze(unit, context.resource).exit;
      for (const site of exit?.open ?? []) {
        const label = `the middleware ${unit.displayName} runs around every action and leaves the session open`;
        sites.push(siteFromChain([{ span: { ...unit.span, end: unit.span.start }, label }, ...site.chain]));
      }
    }
  }
  return sites;
}

function routeEntries(model: RouteModel, context: FrameworkEntryContext, add: Add): void {
  const all = model.lockAllWithSetting ? context.setting(model.lockAllWithSetting) : undefined;
  const modifiers = new Set(model.lockingModifiers);
  for (const file of context.files) {
    for (const registration of file.registrations) {
      if (!registration.route) continue;
      const modifier = registration.chained?.find((call) => modifiers.has(call.name));
      const site = modifier
        ? siteFromChain([{ span: modifier.span, label: model.label }])
        : all && model.lockAllWithSetting
          ? siteFromChain([{ span: all, label: model.lockAllWithSetting.label }])
          : undefined;
      if (!site) continue;
      const from = file.units[0];
      if (!from) continue;
      for (const unit of context.resolver.resolve(registration.target, from, registration.span)) add(unit, [site]);
    }
  }
}

/**
 * Whether a class implements (or extends) one of `interfaces`, itself or through its project
 * parents.
 */
function implementsTest(context: FrameworkEntryContext, interfaces: readonly string[]): (className: string) => boolean {
  const wanted = new Set(interfaces);
  const classes = new Map<string, { parent?: string; interfaces?: readonly string[] }>();
  for (const file of context.files) for (const cls of file.classes) if (!classes.has(cls.name)) classes.set(cls.name, cls);
  const extendsOne = subclassTest(context, interfaces);
  return (className) => {
    const seen = new Set<string>();
    for (let current: string | undefined = className; current && !seen.has(current); current = classes.get(current)?.parent) {
      seen.add(current);
      if (classes.get(current)?.interfaces?.some((name) => wanted.has(name))) return true;
    }
    return extendsOne(className);
  };
}

/** Whether a class extends one of `bases`, through project classes and the catalog's library parents. */
function subclassTest(context: Pick<FrameworkEntryContext, 'files' | 'classParents'>, bases: readonly string[]): (className: string) => boolean {
  const parents = new Map<string, string>();
  for (const file of context.files) for (const cls of file.classes) if (cls.parent && !parents.has(cls.name)) parents.set(cls.name, cls.parent);
  const wanted = new Set(bases);
  const memo = new Map<string, boolean>();
  return (className) => {
    const cached = memo.get(className);
    if (cached !== undefined) return cached;
    const seen = new Set<string>();
    let result = false;
    for (let current: string | undefined = parents.get(className) ?? context.classParents[className]; current && !seen.has(current); ) {
      if (wanted.has(current)) {
        result = true;
        break;
      }
      seen.add(current);
      current = parents.get(current) ?? context.classParents[current];
    }
    memo.set(className, result);
    return result;
  };
}
