import * as ts from 'typescript';
import type { NodeSlowExport } from '../../catalog';
import { bindsName } from './binding-names';
import { slowExportOf } from './catalog-entries';
import type { TsUnitContext } from './context';
import { resolveRef } from './import-refs';
import { unwrap } from './syntax';

/**
 * One of two modules chosen by a condition: `const client = secure ? https : http;
 * client.request(…)` (braintree's HTTP core), `const send = (secure ? https : http).request;
 * send(…)` (node-fetch 2, under many SDKs). When both branches name modules whose export of
 * that name the catalog says is slow, the call is slow whichever branch runs; when either is
 * something else (a local stub), nothing is said. A name is followed one step to the value its
 * declaration gives it, when nothing assigns it again.
 */
export function eitherModuleExport(ctx: TsUnitContext, callee: ts.Expression): NodeSlowExport | undefined {
  let target = unwrap(callee);
  if (ts.isIdentifier(target)) target = unwrap(localValue(target, ts.isPropertyAccessExpression) ?? target);
  if (!ts.isPropertyAccessExpression(target)) return undefined;
  const name = target.name.text;
  let chooser = unwrap(target.expression);
  if (ts.isIdentifier(chooser)) chooser = unwrap(localValue(chooser, ts.isConditionalExpression) ?? chooser);
  if (!ts.isConditionalExpression(chooser)) return undefined;
  const { bindings } = ctx.facts.imports;
  const [first, second] = [chooser.whenTrue, chooser.whenFalse].map((branch) => {
    const ref = resolveRef(bindings, branch);
    return ref && (ref.name === '*' || ref.name === 'default') ? slowExportOf(ctx.catalog, { module: ref.module, name, parent: ref.name }, true) : undefined;
  });
  return first && second ? first : undefined;
}

/**
 * The initializer of the variable a name refers to, when it has the shape asked for and its
 * declaration is the only write (the shape is checked first: the search for writes walks the
 * whole scope).
 */
function localValue(id: ts.Identifier, shape: (node: ts.Expression) => boolean): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => bindsName(p.name, id.text))) return undefined;
    const statements = ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : undefined;
    if (!statements) continue;
    const found = variablesDeclaredIn(statements).get(id.text);
    if (!found) continue;
    const { statement, declaration } = found;
    if (!declaration.initializer || !shape(unwrap(declaration.initializer))) return undefined;
    const constant = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    return constant || !assignedIn(scope, id.text) ? declaration.initializer : undefined;
  }
  return undefined;
}

interface DeclaredVariable {
  readonly statement: ts.VariableStatement;
  readonly declaration: ts.VariableDeclaration;
}

/** Each name's first `var`/`let`/`const` declaration among a list of statements, kept with the list (see `assignedNames`). */
const declaredVariables = new WeakMap<ts.NodeArray<ts.Statement>, ReadonlyMap<string, DeclaredVariable>>();

function variablesDeclaredIn(statements: ts.NodeArray<ts.Statement>): ReadonlyMap<string, DeclaredVariable> {
  let found = declaredVariables.get(statements);
  if (found) return found;
  const byName = new Map<string, DeclaredVariable>();
  for (const statement of statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && !byName.has(declaration.name.text)) byName.set(declaration.name.text, { statement, declaration });
    }
  }
  declaredVariables.set(statements, (found = byName));
  return found;
}

/** Whether `name = …` (or `name += …`) appears anywhere in `scope`. */
function assignedIn(scope: ts.Node, name: string): boolean {
  let names = assignedNames.get(scope);
  if (!names) assignedNames.set(scope, (names = namesAssignedIn(scope)));
  return names.has(name);
}

/**
 * The names each scope assigns, found in one walk of the scope and kept with its tree: asked at
 * every call through a `var` (tinymce's bundle, a megabyte in one function), a walk per call
 * made lowering a large script quadratic (issue 12).
 */
const assignedNames = new WeakMap<ts.Node, ReadonlySet<string>>();

function namesAssignedIn(scope: ts.Node): ReadonlySet<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = unwrap(node.left);
      if (ts.isIdentifier(left)) names.add(left.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return names;
}
