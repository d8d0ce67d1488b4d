import type { SettingValue } from '../../project/symbols';
import type { Span } from '../../model/span';
import type { SyntaxNode } from '../../parse/php';
import { literalString } from './session-access';

/**
 * Literal values a file's top level sets, as configuration files and plugin manifests
 * write them: `$plugin->component = 'local_x';` (key `$plugin->component`),
 * `$autoload['libraries'] = array('session');` (key `$autoload['libraries']`), and the keys
 * of a returned array (`return ['block' => true];` gives `return['block']`). An array literal
 * gives its elements; anything computed gives no value (the key is not recorded).
 */
export function topLevelSettings(root: SyntaxNode, file: string): Map<string, { values: SettingValue[]; span: Span }> {
  const settings = new Map<string, { values: SettingValue[]; span: Span }>();
  const set = (key: string, valueNode: SyntaxNode | null, at: SyntaxNode): void => {
    const values = valueNode ? literalValues(valueNode) : undefined;
    if (values && !settings.has(key)) settings.set(key, { values, span: { file, start: at.startIndex, end: at.endIndex } });
  };
  for (const statement of root.namedChildren) {
    if (statement?.type === 'expression_statement') {
      const assignment = statement.namedChild(0);
      if (assignment?.type !== 'assignment_expression') continue;
      const key = settingKey(assignment.childForFieldName('left'));
      if (key) set(key, assignment.childForFieldName('right'), statement);
    } else if (statement?.type === 'return_statement') {
      const returned = statement.namedChild(0);
      if (returned?.type !== 'array_creation_expression') continue;
      for (const element of returned.namedChildren) {
        if (element?.type !== 'array_element_initializer' || element.namedChildCount !== 2) continue;
        const name = literalString(element.namedChild(0)!);
        if (name !== undefined) set(`return['${name}']`, element.namedChild(1), element);
      }
    }
  }
  return settings;
}

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
