import * as ts from 'typescript';
import type { NodeCatalog } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { CallTarget } from '../../ir/effects';
import type { ClassInfo, FileIR, Unit, UnitKind } from '../../ir/unit';
import type { Span } from '../../model/span';
import { LineIndex } from '../../text/line-index';
import { TsUnitContext, type TsFileFacts, type TsTypeOracle } from './context';
import { isFunctionLike, lowerExpression, returnsAwaited } from './expressions';
import { collectImports } from './imports';
import type { TsProjectModules } from './module-exports';
import type { ModuleLinks } from './module-links';
import { openAtEntry } from './resources';
import { callableMembers, destructuredParameters } from './options-callbacks';
import { OptionArguments } from './option-arguments';
import { doesNothing } from './placeholder-bodies';
import { handlerOf } from './handlers';
import { installFinallyCopier, jumpOut, lowerStatements } from './statements';
import { collectComments } from './comments';
import { slotFills } from './slot-fills';

export interface LoweredTsFile {
  readonly ir: FileIR;
  /** Parts that could not be lowered (too deep nesting). */
  readonly problems: readonly { span: Span; message: string }[];
}

/** The project-wide name of a function or class of this file (TS names are per module). */
export function tsQualifiedName(file: string, name: string): string {
  return `ts:${file}#${name}`;
}

interface UnitSite {
  readonly node: ts.SourceFile | ts.FunctionLikeDeclaration;
  readonly kind: UnitKind;
  readonly id: string;
  readonly displayName: string;
  readonly qualifiedName?: string;
  readonly className?: string;
}

/**
 * Lowers a parsed TypeScript/JavaScript file into units (the module top level, functions,
 * methods, function expressions and arrow functions) with control-flow graphs of effects,
 * using syntax and import tracking only. `modules`: the project's modules (a pre-pass over
 * every file), so that pools, clients, functions and classes other modules export are known;
 * without it (one file alone) only exported function declarations behind relative imports
 * are followed.
 */
export function lowerTypeScript(source: ts.SourceFile, file: string, catalog: NodeCatalog, types?: TsTypeOracle, modules?: TsProjectModules): LoweredTsFile {
  const declared = modules?.declarationsOf(file);
  const links = declared ? modules!.linksFor(file) : undefined;
  const text = source.text;
  const sites: UnitSite[] = [{ node: source, kind: 'script', id: 'script', displayName: 'the module top level' }];
  const functions = new Map<string, CallTarget>();
  const classes: ClassInfo[] = [];
  const seen = new Map<string, number>();
  const uniqueId = (id: string): string => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}#${count}`;
  };
  const classOf = (node: ts.Node): ts.ClassLikeDeclaration | undefined =>
    node.parent && (ts.isClassDeclaration(node.parent) || ts.isClassExpression(node.parent)) ? node.parent : undefined;
  const className = (cls: ts.ClassLikeDeclaration): string => cls.name?.text ?? `class@${cls.getStart(source)}`;

  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const name = className(node);
      const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      classes.push({
        name: tsQualifiedName(file, name),
        ...(heritage ? parentClass(heritage, file, links) : {}),
        span: { file, start: node.getStart(source), end: node.getEnd() },
      });
    }
    if (isFunctionLike(node) && node.body) {
      const start = node.getStart(source);
      const cls = classOf(node);
      const memberName = node.name && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : undefined;
      if (ts.isFunctionDeclaration(node) && node.name) {
        const qualifiedName = tsQualifiedName(file, node.name.text);
        sites.push({ node, kind: 'function', id: uniqueId(`function:${node.name.text}`), displayName: `${node.name.text}()`, qualifiedName });
        if (!functions.has(node.name.text)) functions.set(node.name.text, { type: 'function', candidates: [qualifiedName] });
      } else if (cls && (ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node))) {
        const method = ts.isConstructorDeclaration(node) ? 'constructor' : (memberName ?? `member@${start}`);
        const owner = className(cls);
        sites.push({
          node,
          kind: 'method',
          id: uniqueId(`method:${owner}::${method}`),
          displayName: `${owner}.${method}()`,
          qualifiedName: method,
          className: tsQualifiedName(file, owner),
        });
      } else {
        const parent = node.parent;
        const bound =
          parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && parent.initializer === node ? parent.name.text : undefined;
        const named = bound ?? memberName ?? (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined);
        sites.push({ node, kind: 'closure', id: `closure@${start}`, displayName: named ? `${named}()` : 'the anonymous function' });
        if (bound && !functions.has(bound)) functions.set(bound, { type: 'closure', file, start });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  const facts: TsFileFacts = {
    file,
    source,
    lines: new LineIndex(text),
    catalog,
    imports: declared ? { ...declared.imports, modules: links! } : collectImports(source, catalog),
    functions,
    heldResources: [],
    problems: [],
    ...(types ? { types } : {}),
  };
  const units = sites.map((site) => lowerUnit(site, facts));
  // What the file's object literals give for members of inline object types, kept on the
  // module's top-level unit, where the resolver gathers every unit's stores (`slot-fills.ts`).
  const fills = types?.filledSlot ? slotFills(source, file, types, functions, links) : [];
  if (fills.length > 0) units[0] = { ...units[0]!, registryStores: [...(units[0]!.registryStores ?? []), ...fills] };
  const ir: FileIR = {
    file,
    language: 'typescript',
    units,
    classes,
    storeInstalls: [],
    registrations: [],
    comments: collectComments(source, file),
    heldResources: facts.heldResources,
  };
  return { ir, problems: facts.problems };
}

/** The parent class of `extends X`: a class of another module when the modules are known. */
function parentClass(heritage: ts.Expression, file: string, links: ModuleLinks | undefined): { parent?: string } {
  const value = links?.valueOf(heritage);
  if (value?.kind === 'class') return { parent: value.name };
  return ts.isIdentifier(heritage) ? { parent: tsQualifiedName(file, heritage.text) } : {};
}

function lowerUnit(site: UnitSite, facts: TsFileFacts): Unit {
  const ctx = new TsUnitContext(facts, site.id, site.className ?? enclosingClassName(site.node, facts));
  installFinallyCopier(ctx);
  const source = facts.source;
  let cursor: Cursor = ctx.builder.start();
  let endSpan: Span;
  let span: Span;
  if (ts.isSourceFile(site.node)) {
    cursor = lowerStatements(ctx, site.node.statements, cursor);
    span = { file: facts.file, start: 0, end: source.text.length };
    endSpan = { file: facts.file, start: source.text.length, end: source.text.length };
  } else {
    const node = site.node;
    node.parameters.forEach((parameter, index) => {
      if (!ts.isIdentifier(parameter.name)) return;
      ctx.parameters.set(parameter.name.text, index);
      const callables = callableMembers(parameter.type, source);
      if (callables.size > 0) ctx.parameterCallables.set(parameter.name.text, callables);
    });
    for (const [name, slot] of destructuredParameters(node.parameters)) ctx.parameterProperties.set(name, slot);
    ctx.optionArguments = new OptionArguments(node);
    // A callback run inside `prisma.$transaction(…)`, a `@Transactional()` method.
    cursor = openAtEntry(ctx, node, cursor);
    const body = node.body!;
    if (ts.isBlock(body)) {
      cursor = lowerStatements(ctx, body.statements, cursor);
      endSpan = { file: facts.file, start: body.getEnd() - 1, end: body.getEnd() };
    } else {
      // `async () => fetch(url)`: the expression is the returned value.
      cursor = lowerExpression(ctx, body, cursor, returnsAwaited(node, body));
      jumpOut(ctx, cursor, 'return');
      cursor = [];
      endSpan = { file: facts.file, start: body.getEnd(), end: body.getEnd() };
    }
    span = { file: facts.file, start: node.getStart(source), end: node.getEnd() };
  }
  const cfg = ctx.builder.finish(cursor);
  const options = ctx.optionArguments?.entryFacts();
  const generator = !ts.isSourceFile(site.node) && site.node.asteriskToken !== undefined;
  const isAsync = !ts.isSourceFile(site.node) && (ts.getCombinedModifierFlags(site.node) & ts.ModifierFlags.Async) !== 0;
  const handler = ts.isSourceFile(site.node) ? undefined : handlerOf(facts.catalog.requestHandlers, site.node, facts.file, source, facts.imports);
  return {
    id: site.id,
    kind: site.kind,
    displayName: site.displayName,
    ...(site.qualifiedName ? { qualifiedName: site.qualifiedName } : {}),
    ...(site.className ? { className: site.className } : {}),
    span,
    endSpan,
    cfg,
    ...(generator ? { generator: true } : {}),
    ...(isAsync ? { async: true } : {}),
    ...(handler !== undefined ? { handler } : {}),
    ...(options && options.omittedArguments.length > 0 ? { omittedArguments: options.omittedArguments, literalArguments: options.literalArguments } : {}),
    ...(site.kind === 'method' && !ts.isSourceFile(site.node) && doesNothing(site.node) ? { placeholder: true } : {}),
  };
}

/** Arrow functions inside a method see the method's `this`. */
function enclosingClassName(node: ts.Node, facts: TsFileFacts): string | undefined {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (current !== node && (ts.isFunctionExpression(current) || ts.isFunctionDeclaration(current))) return undefined;
    if (ts.isClassDeclaration(current) || ts.isClassExpression(current)) {
      const name = current.name?.text ?? `class@${current.getStart(facts.source)}`;
      return tsQualifiedName(facts.file, name);
    }
  }
  return undefined;
}

