import type { Span } from '../../model/span';
import type { SyntaxNode } from '../../parse/php';
import { NameScope } from './names';

/** A unit found in the tree, before lowering. */
export interface UnitSite {
  readonly kind: 'script' | 'function' | 'method' | 'closure';
  readonly node: SyntaxNode;
  readonly scope: NameScope;
  /** Lower-case fq class for methods and for closures inside a class (their `$this`). */
  readonly className?: string;
  /** Class name as written, for messages. */
  readonly classDisplay?: string;
  /** Lower-case fq function name or lower-case method name. */
  readonly name?: string;
  readonly display?: string;
}

export interface FileDeclarations {
  readonly units: UnitSite[];
  readonly functions: Set<string>;
  /** Lower-case fq class → parent ('' for none). */
  readonly classes: Map<string, string>;
  readonly classSpans: Map<string, Span>;
  readonly comments: { node: SyntaxNode }[];
  /** Top-level statements (by node id) → the namespace scope they run in. */
  readonly statementScopes: Map<number, NameScope>;
}

const CLASS_LIKE = new Set(['class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration', 'anonymous_class']);

interface Frame {
  readonly node: SyntaxNode;
  readonly className?: string;
  readonly classDisplay?: string;
}

/**
 * One pass over the tree that finds every unit, class and comment, and the namespace and
 * imports each one sees. Iterative, so deeply nested code cannot overflow the stack.
 */
export function collectDeclarations(root: SyntaxNode, file: string): FileDeclarations {
  const result: FileDeclarations = {
    units: [],
    functions: new Set(),
    classes: new Map(),
    classSpans: new Map(),
    comments: [],
    statementScopes: new Map(),
  };
  let scope = new NameScope('');
  result.units.push({ kind: 'script', node: root, scope });

  const visitRegion = (children: readonly SyntaxNode[]): void => {
    for (const child of children) {
      result.statementScopes.set(child.id, scope);
      if (child.type === 'namespace_definition') {
        const name = child.childForFieldName('name')?.text.toLowerCase() ?? '';
        const body = child.childForFieldName('body');
        if (body) {
          const saved = scope;
          scope = new NameScope(name);
          visitRegion(body.namedChildren.filter((c): c is SyntaxNode => c !== null));
          scope = saved;
        } else {
          scope = new NameScope(name);
        }
        continue;
      }
      if (child.type === 'namespace_use_declaration') {
        scope.addUse(child);
        continue;
      }
      walk(child, scope);
    }
  };

  const walk = (start: SyntaxNode, region: NameScope): void => {
    const stack: Frame[] = [{ node: start }];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const { node } = frame;
      let className = frame.className;
      let classDisplay = frame.classDisplay;
      switch (node.type) {
        case 'comment':
          result.comments.push({ node });
          continue;
        case 'function_definition': {
          const written = node.childForFieldName('name')?.text ?? '';
          const name = region.qualify(written.toLowerCase());
          result.functions.add(name);
          result.units.push({ kind: 'function', node, scope: region, name, display: `${written}()` });
          break;
        }
        case 'method_declaration': {
          const written = node.childForFieldName('name')?.text ?? '';
          const unit: UnitSite = {
            kind: 'method',
            node,
            scope: region,
            name: written.toLowerCase(),
            display: `${classDisplay ?? 'class'}::${written}()`,
            ...(className !== undefined ? { className } : {}),
            ...(classDisplay !== undefined ? { classDisplay } : {}),
          };
          if (node.childForFieldName('body')) result.units.push(unit);
          break;
        }
        case 'anonymous_function':
        case 'arrow_function':
          result.units.push({ kind: 'closure', node, scope: region, ...(className !== undefined ? { className } : {}) });
          break;
        default:
          if (CLASS_LIKE.has(node.type)) {
            const written = node.childForFieldName('name')?.text;
            className = written ? region.qualify(written.toLowerCase()) : `class@${node.startIndex}`;
            classDisplay = written ?? 'class@anonymous';
            const base = node.namedChildren.find((c) => c?.type === 'base_clause');
            const parentName = base?.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name');
            result.classes.set(className, parentName ? region.resolveClass(parentName.text) : '');
            result.classSpans.set(className, { file, start: node.startIndex, end: node.endIndex });
          }
      }
      const children = node.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (!child) continue;
        const next: Frame = { node: child, ...(className !== undefined ? { className } : {}), ...(classDisplay !== undefined ? { classDisplay } : {}) };
        stack.push(next);
      }
    }
  };

  visitRegion(root.namedChildren.filter((c): c is SyntaxNode => c !== null));
  return result;
}
