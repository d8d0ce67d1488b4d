import type { Catalog } from '../../catalog';
import { NESTED_DECLARATIONS } from './unit-scope';
import type { Cursor } from '../../ir/cfg-builder';
import type { ExecutionContext, FileIR, Unit, UnitKind } from '../../ir/unit';
import type { Span } from '../../model/span';
import type { SyntaxNode } from '../../parse/php';
import { LineIndex } from '../../text/line-index';
import { assignedProperties, ownCode } from './assigned-properties';
import { registryStores } from './registries';
import { stripLeadingBackslash } from './literals';
import { collectTrackedPredicates, literalArgumentFacts, omittedArgumentFacts, parameterDefaults, parameterIndexes, parameterTests, type ParameterDefault } from './predicates';
import { UnitContext, type FileFacts, type LoweringProblem } from './context';

export type { LoweringProblem } from './context';
import { lowerExpression } from './expressions';
import { lowerBrokenStatements, lowerStatement, lowerStatements, statementsBeforeBrokenDeclaration } from './statements';
import { ProjectSymbols, type FileSymbols } from '../../project/symbols';
import { globalsElementVariable, globalTypeKey } from './globals-elements';
import { typeOf } from './types';
import { executionContext } from './execution-context';
import { commandLineRoutines, topLevelCalls } from './command-line-routines';
import { collectDeclarations, fileSymbols, type FileDeclarations, type UnitSite } from './units';
import { PlainNode, type PlainTree } from '../../parse/plain-tree';
import type { DeclarationReuse } from './declaration-reuse';
import { movedUnit, reuseKeys, type LoweredUnit, type UnitReuse } from './unit-reuse';
import { withoutFallbackResourceEffects } from './environment-fallbacks';

export interface LoweredFile {
  readonly ir: FileIR;
  /** Parts that could not be lowered (too deep nesting, a bug of ours in one unit). */
  readonly problems: readonly LoweringProblem[];
}

/** What a PHP file declares, for the project index (a cheap pass before lowering). */
export function declarePhp(root: SyntaxNode, file: string): FileSymbols {
  return fileSymbols(file, declarationsOf(root, file));
}

/**
 * Lowers a parsed PHP file into units with control-flow graphs of effects. `symbols` are
 * the project's declarations; without them, only this file's own are known. `betweenUnits`
 * is called after each unit: a language server stops there (it throws) when a newer text
 * makes the work moot, so a long file is not lowered to its end first.
 */
export function lowerPhp(root: SyntaxNode, file: string, text: string, catalog: Catalog, symbols?: ProjectSymbols, betweenUnits?: () => void, reuse?: UnitReuse): LoweredFile {
  const lines = new LineIndex(text);
  const declarations = declarationsOf(root, file);
  const facts: FileFacts = {
    file,
    lines,
    catalog,
    symbols: symbols ?? new ProjectSymbols([fileSymbols(file, declarations)], catalog.builtinFunctions),
    problems: [],
    uncountedReads: [],
    nativeCallables: new Map(),
    registrations: [],
    storeInstalls: [],
    statementScopes: declarations.statementScopes,
    receiverClasses: new Map(),
  };
  const seenIds = new Map<string, number>();
  const units: Unit[] = declarations.units.map((site) => {
    const unit = reuse ? lowerOrReuse(site, facts, text.length, reuse) : lowerUnitContained(site, facts, text.length);
    betweenUnits?.();
    const count = seenIds.get(unit.id) ?? 0;
    seenIds.set(unit.id, count + 1);
    // Conditional declarations (`if (!function_exists('f')) { function f() {} }`) repeat ids.
    return count === 0 ? unit : { ...unit, id: `${unit.id}#${count + 1}` };
  });
  // A function named by a string handed to project code: a unit of its own, after the file's.
  units.push(...facts.nativeCallables.values());
  const ir: FileIR = {
    file,
    language: 'php',
    units,
    classes: [...declarations.classes].map(([name, parent]) => ({
      name,
      ...(parent ? { parent } : {}),
      ...(declarations.traits.has(name) ? { traits: declarations.traits.get(name)! } : {}),
      ...(declarations.interfaces.has(name) ? { interfaces: declarations.interfaces.get(name)! } : {}),
      ...(declarations.abstractMethods.has(name) ? { abstractMethods: [...declarations.abstractMethods.get(name)!] } : {}),
      ...(declarations.abstractClasses.has(name) ? { abstract: true as const } : {}),
      span: declarations.classSpans.get(name)!,
    })),
    registrations: facts.registrations,
    storeInstalls: facts.storeInstalls,
    ...(facts.uncountedReads.length > 0 ? { uncountedReads: facts.uncountedReads } : {}),
    executionContext: withCommandLineCalls(executionContext(root, file), root, file),
    comments: declarations.comments.map(({ node }) => ({
      span: { file, start: node.startIndex, end: node.endIndex },
      text: node.text,
    })),
  };
  return { ir, problems: facts.problems };
}

/**
 * The file's declarations, walked once per plain tree: the declarations pass and the lowering
 * of one text read the same tree (kept between them, or kept by the language server for the
 * document being typed in), and the walk is a tenth of a long file's lowering.
 */
function declarationsOf(root: SyntaxNode, file: string): FileDeclarations {
  if (!(root instanceof PlainNode) || root.id !== 0) return collectDeclarations(root, file);
  const known = walkedTrees.get(root.plainTree);
  if (known?.file === file) return known.declarations;
  // A tree re-parsed from an earlier one of the file (a language server's edit): the
  // declaring statements the edit did not touch are taken from that tree's walk.
  const earlier = root.plainTree.takeEarlier();
  const before = earlier ? walkedTrees.get(earlier) : undefined;
  const reuse: DeclarationReuse | undefined = earlier ? { earlier: before?.file === file ? before.statements ?? new Map() : new Map(), now: new Map() } : undefined;
  const declarations = collectDeclarations(root, file, reuse);
  walkedTrees.set(root.plainTree, { file, declarations, ...(reuse ? { statements: reuse.now } : {}) });
  return declarations;
}

const walkedTrees = new WeakMap<PlainTree, { readonly file: string; readonly declarations: FileDeclarations; readonly statements?: DeclarationReuse['now'] }>();

/** Whether the unit's own code (not nested functions) calls a session open or close API. */
function startsOrClosesSession(ctx: UnitContext, unitNode: SyntaxNode): boolean {
  const body = unitNode.type === 'program' ? unitNode : unitNode.childForFieldName('body');
  const parts = body ? ownCode(body) : [];
  for (const call of parts.flatMap((part) => part.descendantsOfType('function_call_expression'))) {
    const callee = call?.childForFieldName('function');
    if (callee?.type !== 'name' && callee?.type !== 'qualified_name') continue;
    const api = ctx.catalog.functions[stripLeadingBackslash(callee.text).toLowerCase()];
    if ((api?.effect === 'open' || api?.effect === 'close') && api.resource === ctx.catalog.sessionResource) return true;
  }
  return false;
}

/**
 * A unit from an earlier lowering of the file when its statement and place did not change
 * (`unit-reuse.ts`), else lowered now; either way kept for the next lowering. What the unit's
 * lowering adds to the file's lists is kept with it and added again.
 */
function lowerOrReuse(site: UnitSite, facts: FileFacts, textLength: number, reuse: UnitReuse): Unit {
  const keys = reuseKeys(site, facts.lines);
  const statement = keys ? reuse.earlier.get(keys.statement) : undefined;
  let kept = keys ? statement?.units.get(keys.unit) : undefined;
  const earlier = kept ? movedUnit(kept, facts.file, statement!.start, keys!.start, keys!.length) : undefined;
  if (!earlier) kept = undefined;
  let lowered: LoweredUnit;
  if (earlier) {
    facts.problems.push(...earlier.problems);
    facts.uncountedReads.push(...earlier.uncountedReads);
    facts.registrations.push(...earlier.registrations);
    facts.storeInstalls.push(...earlier.storeInstalls);
    for (const unit of earlier.nativeCallables) facts.nativeCallables.set(unit.span.start, unit);
    lowered = earlier;
  } else {
    const before = [facts.problems.length, facts.uncountedReads.length, facts.registrations.length, facts.storeInstalls.length] as const;
    const nativeBefore = new Set(facts.nativeCallables.keys());
    const unit = lowerUnitContained(site, facts, textLength);
    lowered = {
      unit,
      problems: facts.problems.slice(before[0]),
      uncountedReads: facts.uncountedReads.slice(before[1]),
      registrations: facts.registrations.slice(before[2]),
      storeInstalls: facts.storeInstalls.slice(before[3]),
      nativeCallables: [...facts.nativeCallables].filter(([start]) => !nativeBefore.has(start)).map(([, native]) => native),
    };
  }
  if (keys) {
    let inStatement = reuse.now.get(keys.statement);
    if (inStatement?.start !== keys.start) reuse.now.set(keys.statement, (inStatement = { start: keys.start, units: new Map() }));
    inStatement.units.set(keys.unit, kept ?? { lowered });
  }
  return lowered.unit;
}

/**
 * A unit lowered, or, when lowering it throws (a bug of ours on syntax we did not foresee), the
 * same unit doing nothing, with the error as a problem of the file: one function the analysis
 * cannot read must not cost the findings of every other function and file of the run.
 */
function lowerUnitContained(site: UnitSite, facts: FileFacts, textLength: number): Unit {
  try {
    return lowerUnit(site, facts, textLength);
  } catch (error) {
    const span: Span = { file: facts.file, start: site.node.startIndex, end: site.node.endIndex };
    const reason = error instanceof Error ? error.message : String(error);
    const name = site.display ?? (site.kind === 'script' ? 'the top level of the file' : `the ${site.kind}`);
    facts.problems.push({
      span,
      message: `internal error while reading ${name}: ${reason}; it is analysed as if it did nothing`,
      internal: true,
      ...(error instanceof Error && error.stack ? { detail: error.stack } : {}),
    });
    return unitDoingNothing(site, facts, textLength);
  }
}

function lowerUnit(site: UnitSite, facts: FileFacts, textLength: number): Unit {
  const ctx = new UnitContext(facts, site.scope, site.className);
  ctx.unitNode = site.node;
  // In the constructor the properties are still being set, and a static method has no `$this`.
  const isStatic = site.node.namedChildren.some((c) => c?.type === 'static_modifier');
  if (site.kind === 'method' && site.name !== '__construct' && !isStatic) ctx.objectClass = site.className;
  ctx.setBlockLowering((body, cursor) => lowerStatement(ctx, body, cursor));
  collectVariableTypes(ctx, site.node);
  const defaults = site.kind === 'script' ? new Map<string, ParameterDefault>() : parameterDefaults(site.node);
  ctx.parameterDefaults = defaults;
  ctx.touchesSession = startsOrClosesSession(ctx, site.node);
  ctx.predicates = collectTrackedPredicates(site.node.type === 'program' || site.node.type === 'ERROR' ? site.node : site.node.childForFieldName('body'), defaults, ctx.predicateScope);
  const omittedArguments = omittedArgumentFacts(ctx.predicates, defaults);
  const literalArguments = literalArgumentFacts(ctx.predicates, defaults);
  const testsOfParameters = parameterTests(ctx.predicates, site.kind === 'script' ? new Map<string, number>() : parameterIndexes(site.node));
  let cursor: Cursor = ctx.builder.start();
  const body = site.node.childForFieldName('body');
  if (site.kind === 'script') {
    cursor =
      site.node.type === 'ERROR'
        ? lowerBrokenStatements(ctx, statementsBeforeBrokenDeclaration(site.node), cursor)
        : lowerStatements(ctx, site.node.namedChildren.filter((c): c is SyntaxNode => c !== null), cursor);
  } else if (site.node.type === 'arrow_function' && body) {
    cursor = lowerExpression(ctx, body, cursor);
  } else if (body) {
    cursor = lowerStatement(ctx, body, cursor);
  }
  // A `goto` to a label that never appeared: PHP refuses to compile it; end the unit.
  for (const edges of ctx.pendingGotos.values()) ctx.builder.connect(edges, ctx.builder.exit);
  // An installation's fallback (`extension_loaded('openssl')` false) opens and closes nothing.
  const cfg = withoutFallbackResourceEffects(ctx.builder.finish(cursor));
  const base = {
    ...placeOf(site, facts, textLength),
    cfg,
    ...(site.kind !== 'script' && containsYield(site.node) ? { generator: true } : {}),
    ...(ctx.lockEvidence ? { lockEvidence: ctx.lockEvidence } : {}),
    ...(ctx.constantTests.size > 0 ? { constantTests: [...ctx.constantTests].sort() } : {}),
    ...(omittedArguments.length > 0 ? { omittedArguments } : {}),
    ...(literalArguments.length > 0 ? { literalArguments } : {}),
    ...(testsOfParameters.length > 0 ? { parameterTests: testsOfParameters } : {}),
    assignsProperties: assignedProperties(site.node, site.className, ctx.classStatics),
    ...registryStoresOf(ctx, site.node),
    ...scriptVariablesOf(site),
  };
  return { ...base, ...identityOf(site, facts) };
}

/** A unit that enters and leaves, doing nothing: what a unit whose lowering threw is read as. */
function unitDoingNothing(site: UnitSite, facts: FileFacts, textLength: number): Unit {
  const ctx = new UnitContext(facts, site.scope, site.className);
  const cfg = ctx.builder.finish(ctx.builder.start());
  return { ...placeOf(site, facts, textLength), cfg, ...identityOf(site, facts) };
}

/** Where a unit is: its kind, its span, and the span of its end (where a script ends). */
function placeOf(site: UnitSite, facts: FileFacts, textLength: number): { kind: UnitKind; span: Span; endSpan: Span } {
  const span: Span = { file: facts.file, start: site.node.startIndex, end: site.node.endIndex };
  const endSpan: Span =
    site.kind === 'script'
      ? lastCodeSpan(facts.file, site.node.text, textLength)
      : { file: facts.file, start: Math.max(site.node.startIndex, site.node.endIndex - 1), end: site.node.endIndex };
  return { kind: site.kind, span, endSpan };
}

/** A unit's id and names, as the flow and the messages know it. */
function identityOf(site: UnitSite, facts: FileFacts) {
  const line = facts.lines.positionAt(site.node.startIndex).line + 1;
  switch (site.kind) {
    case 'script':
      return { id: 'script', displayName: 'the top level of the file' };
    case 'function':
      return { id: `function:${site.name}`, displayName: site.display!, qualifiedName: site.name! };
    case 'method':
      return {
        id: `method:${site.className}::${site.name}`,
        displayName: site.display!,
        qualifiedName: site.name!,
        ...(site.className !== undefined ? { className: site.className } : {}),
        ...(site.annotations && site.annotations.length > 0 ? { annotations: site.annotations } : {}),
        ...(site.visibility ? { visibility: site.visibility } : {}),
        ...(site.requiredParameters ? { requiredParameters: site.requiredParameters } : {}),
      };
    case 'closure':
      return {
        id: `closure@${site.node.startIndex}`,
        displayName: `the closure at line ${line}`,
        ...(site.className !== undefined ? { className: site.className } : {}),
      };
  }
}

/**
 * Flow-insensitive types of local variables: typed parameters, `$x = new Foo(...)`, and
 * `$stmt = $pdo->prepare(...)` when the catalog knows what `prepare()` returns. Enough to
 * tell a `PDO::query()` from a `query()` on an object we know nothing about.
 */
function collectVariableTypes(ctx: UnitContext, unitNode: SyntaxNode): void {
  const parameters = unitNode.childForFieldName('parameters');
  let index = 0;
  for (const parameter of parameters?.namedChildren ?? []) {
    if (!parameter) continue;
    const parameterName = parameter.childForFieldName('name');
    if (parameterName) ctx.parameters.set(parameterName.text, index);
    index++;
    const type = parameter.childForFieldName('type');
    const name = parameter.childForFieldName('name');
    const named = type?.type === 'optional_type' ? type.namedChild(0) : type;
    if (named?.type === 'named_type' && name) {
      const className = named.namedChild(0);
      if (className) ctx.variableTypes.set(name.text, ctx.names.resolveClass(className.text));
    }
  }
  const assignments: SyntaxNode[] = [];
  const body = unitNode.type === 'program' ? unitNode : unitNode.childForFieldName('body');
  const stack: SyntaxNode[] = body ? [body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && NESTED_DECLARATIONS.has(node.type)) continue;
    if (node.type === 'assignment_expression') assignments.push(node);
    if (node.type === 'comment') {
      // `/** @var Client $http */` above a local variable types it.
      const typed = inlineVarTag(node.text);
      if (typed) ctx.variableTypes.set(typed.variable, inScopeOf(ctx, node, () => ctx.names.resolveClass(typed.type)));
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  const counts = new Map<string, number>();
  for (const assignment of assignments) {
    const left = assignment.childForFieldName('left');
    if (left?.type === 'variable_name') counts.set(left.text, (counts.get(left.text) ?? 0) + 1);
  }
  for (const assignment of assignments) {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'variable_name' || !right) continue;
    if (counts.get(left.text) === 1) ctx.singleAssignments.set(left.text, right);
    ctx.assignments.set(left.text, [...(ctx.assignments.get(left.text) ?? []), right]);
  }
  // `global $config;`: the class the project's top level builds into `$config`, unless the
  // unit assigns it itself.
  ctx.declaredGlobals = new Set(globalDeclared(unitNode));
  for (const variable of ctx.declaredGlobals) {
    if (ctx.assignments.has(variable) || ctx.variableTypes.has(variable)) continue;
    const type = ctx.facts.symbols.globalClass(variable);
    if (type) ctx.variableTypes.set(variable, type);
  }
  // Two rounds, so `$stmt = $db->prepare()` after `$db = new PDO()` is typed whatever the order.
  // `$GLOBALS['shop'] = Shop::getInstance()` assigns the global `$shop` (`globals-elements.ts`).
  for (let round = 0; round < 2; round++) {
    for (const assignment of assignments) {
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      const global = left ? globalsElementVariable(left) : undefined;
      const key = left?.type === 'variable_name' ? left.text : global !== undefined ? globalTypeKey(ctx, global) : undefined;
      if (key === undefined || !right) continue;
      const type = inScopeOf(ctx, assignment, () => typeOf(ctx, right));
      if (type) ctx.variableTypes.set(key, type);
    }
  }
}

/**
 * `read` with the names of the namespace a top-level statement runs in: a file's top level
 * passes `namespace App;` statements, so `$s = new Session()` below one is `App\Session`
 * (the lowering switches names statement by statement; these types are read before it).
 */
function inScopeOf<T>(ctx: UnitContext, node: SyntaxNode, read: () => T): T {
  let statement: SyntaxNode | null = node;
  while (statement && !ctx.facts.statementScopes.has(statement.id)) statement = statement.parent;
  const scope = statement ? ctx.facts.statementScopes.get(statement.id) : undefined;
  if (!scope || scope === ctx.names) return read();
  const saved = ctx.names;
  ctx.names = scope;
  try {
    return read();
  } finally {
    ctx.names = saved;
  }
}

/** `@var Type $name` in a comment: the variable and its class (not scalar types). */
function inlineVarTag(comment: string): { type: string; variable: string } | undefined {
  const at = comment.indexOf('@var');
  if (at === -1) return undefined;
  const words = comment
    .slice(at + 4)
    .split(' ')
    .flatMap((word) => word.split('\t'))
    .map((word) => word.trim())
    .filter((word) => word !== '' && word !== '*' && word !== '*/');
  const [type, variable] = words;
  if (!type || !variable?.startsWith('$')) return undefined;
  const first = type.split('|').find((t) => t.toLowerCase() !== 'null') ?? '';
  const name = first.startsWith('?') ? first.slice(1) : first;
  const scalar = ['string', 'int', 'float', 'bool', 'array', 'mixed', 'object', 'callable', 'iterable', 'false', 'true', 'resource'];
  if (!name || scalar.includes(name.toLowerCase())) return undefined;
  return { type: name, variable: variable.endsWith('*/') ? variable.slice(0, -2) : variable };
}

/** The last character of the file that is not white space: where "the script ends" points. */
function lastCodeSpan(file: string, text: string, textLength: number): Span {
  let end = Math.min(text.length, textLength);
  while (end > 0 && ' \t\r\n'.includes(text[end - 1]!)) end--;
  return { file, start: Math.max(0, end - 1), end };
}

/** True when the unit's own body (not nested functions) has a `yield`. */
function containsYield(unitNode: SyntaxNode): boolean {
  const body = unitNode.childForFieldName('body');
  const stack: SyntaxNode[] = body ? [body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'yield_expression') return true;
    if (node !== body && NESTED_DECLARATIONS.has(node.type)) continue;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return false;
}

/** The variables a function's own body declares `global`. */
function globalDeclared(unitNode: SyntaxNode): string[] {
  const body = unitNode.type === 'program' ? null : unitNode.childForFieldName('body');
  const found: string[] = [];
  const stack: SyntaxNode[] = body ? [body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && NESTED_DECLARATIONS.has(node.type)) continue;
    if (node.type === 'global_declaration') {
      for (const variable of node.descendantsOfType('variable_name')) if (variable) found.push(variable.text);
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return found;
}

/** Calls that set local variables by name at run time: what they change cannot be listed. */
const SETS_ANY_VARIABLE = new Set(['extract', 'parse_str', 'mb_parse_str']);

/** A script unit's `scriptVariables`, when it can list them. */
function scriptVariablesOf(site: UnitSite): { scriptVariables?: readonly string[] } {
  if (site.kind !== 'script') return {};
  const found = new Set<string>();
  const stack: SyntaxNode[] = [site.node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== site.node && NESTED_DECLARATIONS.has(node.type)) continue;
    if (node.type === 'dynamic_variable_name') return {};
    if (node.type === 'variable_name') found.add(node.text);
    if (node.type === 'function_call_expression' && SETS_ANY_VARIABLE.has(node.childForFieldName('function')?.text.toLowerCase() ?? '')) return {};
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return { scriptVariables: [...found] };
}

/** What the unit stores into registries of callables (`$Ossn->page[$handler] = $function`). */
function registryStoresOf(ctx: UnitContext, node: SyntaxNode): { registryStores?: Unit['registryStores'] } {
  const stores = node.type === 'ERROR' ? [] : registryStores(ctx, node);
  return stores.length > 0 ? { registryStores: stores } : {};
}

/** The top level's calls and the routines that end the script off the command line (`command-line-routines.ts`), when there are any. */
function withCommandLineCalls(context: ExecutionContext, root: SyntaxNode, file: string): ExecutionContext {
  const routines = commandLineRoutines(root, file);
  // A file that says itself it runs from the command line needs no call to say so.
  const calls = context.commandLine ? [] : topLevelCalls(root, file);
  return { ...context, ...(calls.length > 0 ? { topLevelCalls: calls } : {}), ...(routines.length > 0 ? { commandLineRoutines: routines } : {}) };
}
