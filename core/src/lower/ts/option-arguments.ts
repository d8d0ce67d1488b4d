import * as ts from 'typescript';
import type { PredicateValue } from '../../ir/effects';
import { destructuredProperty } from './options-callbacks';
import { unwrap } from './syntax';

/**
 * Options a caller does not pass. `getEntityOrThrow(ctx, id, options: Options = {})` with
 * `const { retries } = options; if (retries == null || retries <= 0) return once(); …` and a
 * retry loop that sleeps between attempts: a call that leaves the options out, or passes an
 * object literal without `retries`, never reaches the loop, so its sleep is not work done under
 * the caller's transaction.
 *
 * The unit remembers the properties of such a parameter (a default of `{}`, or optional with no
 * default, never reassigned) that its conditions test for being undefined, read as
 * `options.retries` or through a `const { retries } = options` of the body's top level. Each is
 * a fact `undefined option:<index>.<property>`; the unit lists the facts that hold on entry
 * when the argument is left out (`omittedArguments`) or is an object literal without the
 * property (`literalArguments`, value `{-property}`), and each side of an `if` on such a test
 * sets what it implies, so the flow drops the side a caller's arguments rule out.
 */
export class OptionArguments {
  /** Local name or `parameter.property` as written → the fact's subject and the parameter. */
  private readonly subjects = new Map<string, { subject: string; index: number; property: string }>();
  /** The subjects some condition tested, by parameter. */
  private readonly tested = new Map<number, Set<string>>();

  constructor(node: ts.SignatureDeclaration & { body?: ts.Node }) {
    const body = node.body;
    if (!body || !node.parameters.some(omittableAsEmpty)) return;
    const assigned = assignedNames(body, node.parameters);
    node.parameters.forEach((parameter, index) => {
      if (!omittableAsEmpty(parameter)) return;
      if (ts.isIdentifier(parameter.name)) {
        const name = parameter.name.text;
        if (assigned.has(name)) return;
        this.parameterNames.set(name, index);
        if (ts.isBlock(body)) this.destructuredInBody(body, name, index, assigned);
      } else if (ts.isObjectBindingPattern(parameter.name)) {
        for (const element of parameter.name.elements) this.bindElement(element, index, assigned);
      }
    });
  }

  private readonly parameterNames = new Map<string, number>();

  /** `const { retries, retryDelay: delay } = options;` at the top of the body. */
  private destructuredInBody(body: ts.Block, parameter: string, index: number, assigned: ReadonlySet<string>): void {
    for (const statement of body.statements) {
      if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer ? unwrap(declaration.initializer) : undefined;
        if (!init || !ts.isIdentifier(init) || init.text !== parameter || !ts.isObjectBindingPattern(declaration.name)) continue;
        for (const element of declaration.name.elements) this.bindElement(element, index, assigned);
      }
    }
  }

  /** An element without a default of its own: undefined whenever the property is. */
  private bindElement(element: ts.BindingElement, index: number, assigned: ReadonlySet<string>): void {
    const property = destructuredProperty(element);
    if (property === undefined || element.initializer || !ts.isIdentifier(element.name) || assigned.has(element.name.text)) return;
    this.subjects.set(element.name.text, { subject: `option:${index}.${property}`, index, property });
  }

  /** The option a condition's operand reads: a bound local, or `options.x` / `options?.x`. */
  private optionOf(node: ts.Expression): { subject: string; index: number; property: string } | undefined {
    const expr = unwrap(node);
    if (ts.isIdentifier(expr)) return this.subjects.get(expr.text);
    if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) {
      const index = this.parameterNames.get(expr.expression.text);
      if (index !== undefined) return { subject: `option:${index}.${expr.name.text}`, index, property: expr.name.text };
    }
    return undefined;
  }

  private fact(option: { subject: string; index: number }, value: boolean): PredicateValue {
    let tested = this.tested.get(option.index);
    if (!tested) this.tested.set(option.index, (tested = new Set()));
    tested.add(option.subject);
    return { predicate: `undefined ${option.subject}`, subject: option.subject, value };
  }

  /** What each side of a condition says about options being undefined (only what it implies). */
  facts(condition: ts.Expression): { whenTrue: PredicateValue[]; whenFalse: PredicateValue[] } {
    const none = { whenTrue: [], whenFalse: [] };
    if (this.subjects.size === 0 && this.parameterNames.size === 0) return none;
    const expr = unwrap(condition);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) {
      const inner = this.facts(expr.operand);
      return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken) {
        // Both false on the false side; the true side is either.
        return { whenTrue: [], whenFalse: [...this.facts(expr.left).whenFalse, ...this.facts(expr.right).whenFalse] };
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
        return { whenTrue: [...this.facts(expr.left).whenTrue, ...this.facts(expr.right).whenTrue], whenFalse: [] };
      }
      const compared = this.comparedWithNothing(expr);
      if (!compared) return none;
      const { option, strict, negated } = compared;
      // `x === undefined`: decides it both ways; `x == null`: false says defined, true may be null.
      const equal = { whenTrue: strict ? [this.fact(option, true)] : [], whenFalse: [this.fact(option, false)] };
      return negated ? { whenTrue: equal.whenFalse, whenFalse: equal.whenTrue } : equal;
    }
    // `if (retries)`: true only when it is set.
    const option = this.optionOf(expr);
    return option ? { whenTrue: [this.fact(option, false)], whenFalse: [] } : none;
  }

  /** `x == null`, `x === undefined`, `null != x`, …: the option and how it is compared. */
  private comparedWithNothing(expr: ts.BinaryExpression): { option: { subject: string; index: number }; strict: boolean; negated: boolean } | undefined {
    const op = expr.operatorToken.kind;
    const equality = [ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken];
    if (!equality.includes(op)) return undefined;
    const nothing = (node: ts.Expression): 'null' | 'undefined' | undefined => {
      const e = unwrap(node);
      if (e.kind === ts.SyntaxKind.NullKeyword) return 'null';
      return ts.isIdentifier(e) && e.text === 'undefined' ? 'undefined' : undefined;
    };
    const [other, value] = nothing(expr.right) ? [expr.left, nothing(expr.right)] : [expr.right, nothing(expr.left)];
    if (value === undefined) return undefined;
    const option = this.optionOf(other);
    if (!option) return undefined;
    const tripled = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
    // `x === null` says nothing about undefined; `x == null` and `x == undefined` are the same test.
    if (tripled && value === 'null') return undefined;
    const negated = op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
    return { option, strict: tripled, negated };
  }

  /** The unit's entry facts when the argument is left out, or an object literal without the property. */
  entryFacts(): {
    omittedArguments: { index: number; facts: PredicateValue[] }[];
    literalArguments: { index: number; value: string; facts: PredicateValue[] }[];
  } {
    const omittedArguments: { index: number; facts: PredicateValue[] }[] = [];
    const literalArguments: { index: number; value: string; facts: PredicateValue[] }[] = [];
    for (const [index, subjects] of [...this.tested].sort(([a], [b]) => a - b)) {
      const facts = [...subjects].sort().map((subject) => ({ predicate: `undefined ${subject}`, subject, value: true }));
      omittedArguments.push({ index, facts });
      for (const fact of facts) literalArguments.push({ index, value: `{-${fact.subject.slice(fact.subject.indexOf('.') + 1)}}`, facts: [fact] });
    }
    return { omittedArguments, literalArguments };
  }
}

/** A parameter that is an empty object, or undefined, when the caller leaves it out. */
function omittableAsEmpty(parameter: ts.ParameterDeclaration): boolean {
  if (parameter.dotDotDotToken) return false;
  if (parameter.initializer) {
    const init = unwrap(parameter.initializer);
    return ts.isObjectLiteralExpression(init) && init.properties.length === 0;
  }
  return parameter.questionToken !== undefined && ts.isIdentifier(parameter.name);
}

/**
 * Every name the body assigns (`x = …`, `x += …`, `x++`), nested functions included, and every
 * name it declares more than once (a `retries` of an inner block or closure is another variable).
 */
function assignedNames(body: ts.Node, parameters: readonly ts.ParameterDeclaration[]): Set<string> {
  const names = new Set<string>();
  const declared = new Set<string>(parameters.flatMap((parameter) => (ts.isIdentifier(parameter.name) ? [parameter.name.text] : [])));
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) && ts.isIdentifier(node.name)) {
      if (declared.has(node.name.text)) names.add(node.name.text);
      declared.add(node.name.text);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = unwrap(node.left);
      if (ts.isIdentifier(left)) names.add(left.text);
    }
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand)) names.add(node.operand.text);
    ts.forEachChild(node, visit);
  };
  visit(body);
  return names;
}

/**
 * How an object literal argument reads to a callee's `literalArguments`: `{a,b}` with its
 * property names, or undefined when a spread or a computed name hides some.
 */
export function objectLiteralKey(node: ts.Expression): string | undefined {
  const expr = unwrap(node);
  if (!ts.isObjectLiteralExpression(expr)) return undefined;
  const names: string[] = [];
  for (const member of expr.properties) {
    const name = member.name;
    if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) return undefined;
    names.push(name.text);
  }
  return `{${names.sort().join(',')}}`;
}
