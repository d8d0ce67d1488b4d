import * as ts from 'typescript';
import type { Effect } from '../../ir/effects';
import type { TsFileFacts, TsUnitContext } from './context';
import { unwrap } from './syntax';

/** Per file: functions that release a resource they are given, by parameter index → methods (`()`: called). */
const releasersByFile = new WeakMap<TsFileFacts, Map<string, Map<number, Set<string>>>>();

/**
 * Functions of the file that release what they are given (`function done(client: PoolClient) {
 * client.release(); }`): the flow's summaries cannot carry that release (a resource belongs
 * to the unit that acquired it), so the call site closes the argument itself.
 */
function releasingHelpers(facts: TsFileFacts): Map<string, Map<number, Set<string>>> {
  let found = releasersByFile.get(facts);
  if (found) return found;
  const helpers = new Map<string, Map<number, Set<string>>>();
  releasersByFile.set(facts, helpers);
  const scan = (name: string, fn: ts.FunctionLikeDeclaration): void => {
    if (!fn.body) return;
    const params = new Map<string, number>();
    fn.parameters.forEach((p, index) => {
      if (ts.isIdentifier(p.name)) params.set(p.name.text, index);
    });
    const released = new Map<number, Set<string>>();
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = unwrap(node.expression);
        const target = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : callee;
        const index = ts.isIdentifier(target) ? params.get(target.text) : undefined;
        if (index !== undefined) {
          const methods = released.get(index) ?? new Set<string>();
          methods.add(ts.isPropertyAccessExpression(callee) ? callee.name.text : '()');
          released.set(index, methods);
        }
      }
      if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn.body, visit);
    if (released.size > 0) helpers.set(name, released);
  };
  for (const statement of facts.source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) scan(statement.name.text, statement);
    else if (ts.isVariableStatement(statement)) {
      for (const variable of statement.declarationList.declarations) {
        const init = variable.initializer ? unwrap(variable.initializer) : undefined;
        if (ts.isIdentifier(variable.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) scan(variable.name.text, init);
      }
    }
  }
  return helpers;
}

/** `done(client)` where the file's `done()` releases its parameter: the release of each held argument. */
export function helperReleases(ctx: TsUnitContext, node: ts.CallExpression): Effect[] {
  const callee = unwrap(node.expression);
  if (!ts.isIdentifier(callee) || ctx.facts.imports.bindings.has(callee.text) || ctx.parameters.has(callee.text)) return [];
  const released = releasingHelpers(ctx.facts).get(callee.text);
  if (!released) return [];
  const effects: Effect[] = [];
  node.arguments.forEach((arg, index) => {
    const value = unwrap(arg);
    const held = ts.isIdentifier(value) ? ctx.held.get(value.text) : undefined;
    const methods = released.get(index);
    if (!held || !methods) return;
    const releases = [...methods].some((m) => (m === '()' ? held.entry.releaseFunction === true : held.entry.release.includes(m)));
    if (!releases) return;
    const display = `${callee.text}()`;
    effects.push({ kind: 'close', resource: held.info.id, how: 'write', api: display, span: ctx.span(node), label: `\`${held.info.variable}\` is released inside \`${display}\`` });
  });
  return effects;
}
