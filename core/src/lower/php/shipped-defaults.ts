import type { SyntaxNode } from '../../parse/php';
import type { ShippedValue } from '../../project/symbols';
import { literalOf } from './literals';
import { literalString } from './session-access';
import { enclosingUnitNode } from './unit-scope';
import { includeGuardBody } from './include-guard-bodies';

/**
 * The values a project ships for its settings, gathered with the declarations: what its
 * configuration defaults file assigns at the top level,
 *
 *     $CONF['encrypt'] = 'md5crypt';            // Postfix Admin's config.inc.php
 *     $cfg['URLQueryEncryption'] = false;       // phpMyAdmin's config.default.php
 *     $g_use_ldap_email = OFF;                  // MantisBT's config_defaults_inc.php
 *     $config = ['cache' => true];              // an array of settings built at once
 *
 * Keys are the element as written (`$CONF['encrypt']`) or the global variable (`$g_use_ldap_email`).
 * A value is a literal or a constant (resolved when read, `ProjectSymbols.shippedDefault`).
 * Only statements of the file's top level, outside any `if` or loop (but inside the file's
 * include guard, `if (!defined('CONFIG_INC')) { define('CONFIG_INC', 1); … }`, which runs once
 * in every request: `include-guard-bodies.ts`), are what the project ships; an assignment anywhere else (inside an `if` of the top level, a function that writes
 * the global, `$GLOBALS['CONF']['x']`) makes the value depend on what runs, so the key is
 * recorded as unknown (`null`). Elements written with a computed key (`$CONF[$name] = …`) are
 * not followed.
 */
export function declareShippedDefaults(root: SyntaxNode, found: Map<string, ShippedValue | null>): void {
  const shipped = new Set<number>();
  for (const statement of topLevelStatements(root)) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
    if (assignment?.type !== 'assignment_expression') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (!left || !right) continue;
    const key = writtenKey(left);
    if (key?.deeper === false) {
      shipped.add(assignment.id);
      record(found, key.key, shippedValue(right));
    } else if (left.type === 'variable_name' && right.type === 'array_creation_expression') {
      // `$config = ['cache' => true, …]`: each literal key is a setting of `$config`.
      shipped.add(assignment.id);
      for (const element of right.namedChildren) {
        if (element?.type !== 'array_element_initializer' || element.namedChildCount !== 2) continue;
        const name = literalString(element.namedChild(0)!);
        if (name !== undefined) record(found, `${left.text}['${name}']`, shippedValue(element.namedChild(1)!));
      }
    }
  }
  // Every other write of such a key makes its value depend on what runs. The assignments are
  // found by one scan of the tree's nodes (`descendantsOfType`, an array walk on a copied
  // tree), not a walk that builds every node's children: this runs on every edit of a file.
  const globalsOf = new Map<number, Set<string>>();
  for (const node of root.descendantsOfType(ASSIGNMENT_TYPES)) {
    if (!node || shipped.has(node.id)) continue;
    const left = node.childForFieldName('left');
    const key = left ? writtenKey(left) : undefined;
    if (!key) continue;
    const unit = enclosingUnitNode(node);
    // In a function, only a global is a setting (`global $CONF;`, `$GLOBALS['CONF']`).
    if (unit && unit.type !== 'program' && !key.viaGlobals && !unitGlobals(unit, globalsOf).has(key.variable)) continue;
    found.set(key.key, null);
  }
}

/** The variables a function declares `global` in its own body (not in the functions nested in it), found once per function. */
function unitGlobals(unit: SyntaxNode, cache: Map<number, Set<string>>): Set<string> {
  let globals = cache.get(unit.id);
  if (globals) return globals;
  globals = new Set();
  const body = unit.childForFieldName('body');
  for (const declaration of body ? body.descendantsOfType('global_declaration') : []) {
    if (!declaration || enclosingUnitNode(declaration)?.id !== unit.id) continue;
    for (const variable of declaration.descendantsOfType('variable_name')) if (variable) globals.add(variable.text);
  }
  cache.set(unit.id, globals);
  return globals;
}

const ASSIGNMENT_TYPES = ['assignment_expression', 'augmented_assignment_expression', 'reference_assignment_expression'];

/** The statements the file runs unconditionally: its own, those of its namespace blocks and of its include guard. */
function topLevelStatements(root: SyntaxNode): SyntaxNode[] {
  const statements: SyntaxNode[] = [];
  for (const child of root.namedChildren) {
    if (!child) continue;
    const body = child.type === 'namespace_definition' ? child.childForFieldName('body') : null;
    const own = body ? body.namedChildren.filter((c): c is SyntaxNode => c !== null) : [child];
    for (const statement of own) statements.push(...(includeGuardBody(statement) ?? [statement]));
  }
  return statements;
}

/**
 * The setting an assignment's left side writes: `$CONF['encrypt']` (the element as written,
 * `deeper` when it writes inside it: `$CONF['x']['y']`), `$g_name`, and the same through
 * `$GLOBALS`.
 */
function writtenKey(left: SyntaxNode): { key: string; variable: string; deeper: boolean; viaGlobals: boolean } | undefined {
  const path: SyntaxNode[] = [];
  let base: SyntaxNode | null = left;
  while (base?.type === 'subscript_expression') {
    const index = base.namedChildren[1];
    if (!index) return undefined;
    path.unshift(index);
    base = base.namedChildren[0] ?? null;
  }
  if (base?.type !== 'variable_name') return undefined;
  let variable = base.text;
  let viaGlobals = false;
  if (variable === '$GLOBALS') {
    const name = path[0] ? literalString(path[0]) : undefined;
    if (name === undefined) return undefined;
    variable = `$${name}`;
    viaGlobals = true;
    path.shift();
  }
  if (variable === '$this') return undefined;
  if (path.length === 0) return { key: variable, variable, deeper: false, viaGlobals };
  const name = literalString(path[0]!);
  if (name === undefined) return undefined;
  return { key: `${variable}['${name}']`, variable, deeper: path.length > 1, viaGlobals };
}

/** A literal (`'md5crypt'`, `false`, `0`, `null`) or a constant (`OFF`); `null` for anything computed. */
function shippedValue(node: SyntaxNode): ShippedValue | null {
  const literal = literalOf(node);
  if (literal !== undefined) return { literal };
  if (node.type === 'name' || node.type === 'qualified_name') return { constant: node.text };
  if (node.type === 'unary_op_expression' && node.child(0)?.text === '-') {
    const operand = literalOf(node.namedChild(0));
    if (typeof operand === 'number') return { literal: -operand };
  }
  return null;
}

/** Two assignments of one key that differ: which one a request sees is not known here. */
function record(found: Map<string, ShippedValue | null>, key: string, value: ShippedValue | null): void {
  const known = found.get(key);
  if (known === null) return;
  found.set(key, known === undefined || (value !== null && sameValue(known, value)) ? value : null);
}

function sameValue(a: ShippedValue, b: ShippedValue): boolean {
  if ('constant' in a || 'constant' in b) return 'constant' in a && 'constant' in b && a.constant === b.constant;
  return a.literal === b.literal;
}
