import * as ts from 'typescript';
import type { NodeCatalog, NodeInterceptors } from '../../catalog';
import type { ImportRef } from './import-refs';
import { resolveRef } from './import-refs';
import type { Interception, ModuleValue } from './module-links';
import { isFunctionLiteral, returnedExpression, unwrap } from './syntax';

/**
 * NestJS interceptors, read from the project's code: a method decorated with
 * `@UseInterceptors(I)` (on the method, or on its class for the class's routes), or with a
 * project decorator whose factory returns `applyDecorators(…, UseInterceptors(I))` (vendure's
 * `@Transaction()`), runs where `I.intercept(context, next)` calls `next.handle()`. When that
 * call sits in a callback `intercept()` passes to a project helper
 * (`this.transactionWrapper.executeInTransaction(ctx, (_ctx) => next.handle())`), the method's
 * body runs inside the helper's callback: the interception names that helper, and the lowering of
 * the helper says whether it holds anything while running callbacks (`HeldResourceInfo.runsCallbacks`,
 * checked where all files are known: `rules/src/interceptor-holds.ts`). Nothing here knows a
 * decorator, an interceptor or a helper by its name; the framework's own names are catalog data
 * (`NodeCatalog.interceptors`).
 */

/** What the interceptor lookups need from the project's modules (`TsProjectModules`). */
export interface InterceptorHost {
  describe(file: string, node: ts.Node): ModuleValue | undefined;
  declarationsOf(file: string): { readonly source: ts.SourceFile; readonly imports: { readonly bindings: ReadonlyMap<string, ImportRef> } } | undefined;
  classDeclaration(className: string): { readonly file: string; readonly node: ts.ClassLikeDeclaration } | undefined;
  parentClassOf(className: string): string | undefined;
}

/** Project decorators composing others are followed this deep; interceptions kept per method. */
const MAX_DEPTH = 4;
const MAX_INTERCEPTIONS = 4;

export function interceptionsOf(host: InterceptorHost, catalog: NodeCatalog, file: string, method: ts.MethodDeclaration): Interception[] {
  const entries = catalog.interceptors ?? [];
  const declared = host.declarationsOf(file);
  if (entries.length === 0 || !declared || !method.body) return [];
  const own = ts.getDecorators(method) ?? [];
  // A class's interceptors run around its routes: the methods a decorator of their own makes one.
  const cls = method.parent;
  const fromClass = own.length > 0 && ts.isClassLike(cls) ? (ts.getDecorators(cls) ?? []) : [];
  const found: Interception[] = [];
  for (const decorator of [...own, ...fromClass]) {
    for (const entry of entries) {
      for (const className of interceptorClasses(host, entry, file, declared.imports.bindings, decorator.expression, 0)) {
        const through = heldThrough(host, entry, className);
        if (through && found.length < MAX_INTERCEPTIONS) found.push({ decorator, ...through });
      }
    }
  }
  return found;
}

/** The interceptor classes a decorator expression applies: `UseInterceptors(I)`, through composers and project factories. */
function interceptorClasses(host: InterceptorHost, entry: NodeInterceptors, file: string, bindings: ReadonlyMap<string, ImportRef>, expr: ts.Expression, depth: number): string[] {
  const node = unwrap(expr);
  if (!ts.isCallExpression(node) || depth > MAX_DEPTH) return [];
  const callee = unwrap(node.expression);
  const ref = resolveRef(bindings, callee);
  if (ref && entry.modules.includes(ref.module)) {
    if (ref.name === entry.use) {
      return node.arguments.flatMap((argument) => {
        const value = host.describe(file, argument);
        return value?.kind === 'class' ? [value.name] : [];
      });
    }
    return entry.compose.includes(ref.name) ? node.arguments.flatMap((argument) => interceptorClasses(host, entry, file, bindings, argument, depth + 1)) : [];
  }
  // A project decorator factory (`Transaction()`): what it returns.
  const made = host.describe(file, callee);
  if (made?.kind !== 'function' || !made.declaration) return [];
  const returned = returnedExpression(made.declaration.node);
  const there = host.declarationsOf(made.declaration.file);
  return returned && there ? interceptorClasses(host, entry, made.declaration.file, there.imports.bindings, returned, depth + 1) : [];
}

/** A method a project class declares or inherits. */
function methodOf(host: InterceptorHost, className: string, name: string): { file: string; node: ts.MethodDeclaration; owner: string } | undefined {
  let current: string | undefined = className;
  for (let depth = 0; current !== undefined && depth < 20; depth++) {
    const cls = host.classDeclaration(current);
    if (!cls) return undefined;
    const node = cls.node.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && !!m.body && ts.isIdentifier(m.name) && m.name.text === name);
    if (node) return { file: cls.file, node, owner: cls.node.name?.text ?? `class@${cls.node.getStart()}` };
    current = host.parentClassOf(current);
  }
  return undefined;
}

/** The project helper whose callback runs `next.handle()` in the interceptor's `intercept()`, or undefined. */
function heldThrough(host: InterceptorHost, entry: NodeInterceptors, className: string): Omit<Interception, 'decorator'> | undefined {
  const intercept = methodOf(host, className, entry.method);
  const next = intercept?.node.parameters[entry.next];
  if (!intercept || !next || !ts.isIdentifier(next.name)) return undefined;
  const nextName = next.name.text;
  let helper: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (helper) return;
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === entry.handle && ts.isIdentifier(unwrap(callee.expression)) && (unwrap(callee.expression) as ts.Identifier).text === nextName) {
        helper = callbackCallAround(node, intercept.node);
        if (helper) return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(intercept.node.body!);
  if (!helper) return undefined;
  const unit = helperUnit(host, intercept.file, className, helper);
  if (!unit) return undefined;
  const source = intercept.node.getSourceFile();
  const text = unwrap(helper.expression).getText(source).replace(/\s+/g, '');
  return { interceptor: `${intercept.owner}.${entry.method}()`, helper: unit, helperCall: `${text}()` };
}

/** The innermost call, inside `within`, that is given a function literal around `node` as an argument. */
function callbackCallAround(node: ts.Node, within: ts.Node): ts.CallExpression | undefined {
  for (let current: ts.Node = node; current.parent && current !== within; current = current.parent) {
    const parent = current.parent;
    if (isFunctionLiteral(current) && ts.isCallExpression(parent) && parent.arguments.some((a) => unwrap(a) === current)) return parent;
    if (ts.isFunctionLike(current) && !isFunctionLiteral(current)) return undefined;
  }
  return undefined;
}

/** The project helper a call in the interceptor runs, as its file and unit id. */
function helperUnit(host: InterceptorHost, file: string, className: string, call: ts.CallExpression): { file: string; unit: string } | undefined {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = unwrap(callee.expression);
    const owner = receiver.kind === ts.SyntaxKind.ThisKeyword ? className : instanceClass(host.describe(file, receiver));
    const method = owner !== undefined ? methodOf(host, owner, callee.name.text) : undefined;
    return method ? { file: method.file, unit: `method:${method.owner}::${callee.name.text}` } : undefined;
  }
  const made = host.describe(file, callee);
  const declaration = made?.kind === 'function' ? made.declaration : undefined;
  if (!declaration) return undefined;
  const node = declaration.node;
  return ts.isFunctionDeclaration(node) && node.name ? { file: declaration.file, unit: `function:${node.name.text}` } : { file: declaration.file, unit: `closure@${node.getStart()}` };
}

function instanceClass(value: ModuleValue | undefined): string | undefined {
  if (value?.kind === 'instance') return value.className;
  // An injected value typed with an abstract class or interface implemented once.
  return value?.kind === 'implementations' && value.classNames.length === 1 ? value.classNames[0] : undefined;
}
