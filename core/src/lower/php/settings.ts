import type { SettingValue } from '../../project/symbols';
import type { Span } from '../../model/span';
import type { SyntaxNode } from '../../parse/php';
import { literalString } from './session-access';

/**
 * Literal values a file's top level sets, as configuration files and plugin manifests
 * write them: `$plugin->component = 'local_x';` (key `$plugin->component`),
 * `$autoload['libraries'] = array('session');` (key `$autoload['libraries']`), and the keys
 * of a returned array (`return ['block' => true];` gives `return['block']`). An array literal
 * gives its elements; anything computed gives no value (the key is not recorded). Keyed
 * arrays also give their nested keys (`return['components']['session']['class']`, and
 * `$config['components']…` for `$config = [...]`).
 */
export function topLevelSettings(root: SyntaxNode, file: string): Map<string, { values: SettingValue[]; span: Span }> {
  const settings = new Map<string, { values: SettingValue[]; span: Span }>();
  const set = (key: string, valueNode: SyntaxNode | null, at: SyntaxNode): void => {
    const values = valueNode ? literalValues(valueNode) : undefined;
    if (values && !settings.has(key)) settings.set(key, { values, span: { file, start: at.startIndex, end: at.endIndex } });
  };
  /** `['components' => ['session' => ['class' => …]]]`: every keyed element, nested keys appended. */
  const setKeyed = (prefix: string, array: SyntaxNode, depth: number): void => {
    for (const element of array.namedChildren) {
      if (element?.type !== 'array_element_initializer' || element.namedChildCount !== 2) continue;
      const name = literalString(element.namedChild(0)!);
      const value = element.namedChild(1)!;
      if (name === undefined) continue;
      const key = `${prefix}['${name}']`;
      set(key, value, element);
      if (value.type === 'array_creation_expression' && depth < MAX_DEPTH) setKeyed(key, value, depth + 1);
    }
  };
  for (const statement of root.namedChildren) {
    if (statement?.type === 'expression_statement') {
      const assignment = statement.namedChild(0);
      if (assignment?.type !== 'assignment_expression') continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      const key = settingKey(left);
      if (key) set(key, right, statement);
      // `$config = [...]` (a configuration array built at the top level, returned later).
      const base = key ?? (left?.type === 'variable_name' ? left.text : undefined);
      if (base && right?.type === 'array_creation_expression') setKeyed(base, right, 1);
    } else if (statement?.type === 'return_statement') {
      const returned = statement.namedChild(0);
      if (returned?.type === 'array_creation_expression') setKeyed('return', returned, 1);
    }
  }
  return settings;
}

/** Nesting of configuration arrays recorded: `return['components']['session']['class']`. */
const MAX_DEPTH = 4;

/** `$plugin->component` and `$autoload['libraries']` as keys; anything else is not a setting. */
function settingKey(left: SyntaxNode | null): string | undefined {
  if (left?.type === 'member_access_expression') {
    const object = left.childForFieldName('object');
    const name = left.childForFieldName('name');
    if (object?.type === 'variable_name' && name?.type === 'name') return `${object.text}->${name.text}`;
  }
  if (left?.type === 'subscript_expression') {
    const [base, index] = left.namedChildren;
    const key = index ? literalString(index) : undefined;
    if (base?.type === 'variable_name' && key !== undefined) return `${base.text}['${key}']`;
  }
  return undefined;
}

/** A literal scalar, or the literal elements of an array literal; undefined when computed. */
function literalValues(node: SyntaxNode): SettingValue[] | undefined {
  if (node.type === 'array_creation_expression') {
    const values: SettingValue[] = [];
    for (const element of node.namedChildren) {
      if (element?.type !== 'array_element_initializer' || element.namedChildCount !== 1) continue;
      const value = literalScalar(element.namedChild(0)!);
      if (value !== undefined) values.push(value);
    }
    return values;
  }
  const value = literalScalar(node);
  return value === undefined ? undefined : [value];
}

function literalScalar(node: SyntaxNode): SettingValue | undefined {
  const text = literalString(node);
  if (text !== undefined) return text;
  if (node.type === 'boolean') return node.text.toLowerCase() === 'true';
  return undefined;
}
