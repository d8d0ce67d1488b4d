import type { SyntaxNode } from '../../parse/php';

/**
 * PHP name resolution for one region of a file: the current namespace and its `use`
 * imports. Everything is lower-case (PHP function and class names are case-insensitive)
 * and fully qualified without the leading backslash.
 */
export class NameScope {
  readonly classImports = new Map<string, string>();
  readonly functionImports = new Map<string, string>();

  constructor(readonly namespace: string) {}

  /** A class name as written (`Client`, `\GuzzleHttp\Client`, `Http\Client`) → fq name. */
  resolveClass(written: string): string {
    const name = written.toLowerCase();
    if (name.startsWith('\\')) return name.slice(1);
    if (name.startsWith('namespace\\')) return this.qualify(name.slice('namespace\\'.length));
    const [first, ...rest] = name.split('\\');
    const imported = this.classImports.get(first!);
    if (imported !== undefined) return [imported, ...rest].join('\\');
    return this.qualify(name);
  }

  /**
   * Candidates for a function call, in PHP's lookup order: an unqualified name in a
   * namespace tries `ns\name`, then the global `name`.
   */
  functionCandidates(written: string): string[] {
    const name = written.toLowerCase();
    if (name.startsWith('\\')) return [name.slice(1)];
    if (name.includes('\\')) {
      const [first, ...rest] = name.split('\\');
      const imported = this.classImports.get(first!);
      if (imported !== undefined) return [[imported, ...rest].join('\\')];
      return [this.qualify(name)];
    }
    const imported = this.functionImports.get(name);
    if (imported !== undefined) return [imported];
    return this.namespace ? [this.qualify(name), name] : [name];
  }

  qualify(name: string): string {
    return this.namespace ? `${this.namespace}\\${name}` : name;
  }

  /** Records a `use` declaration. */
  addUse(node: SyntaxNode): void {
    // `use function A\b;` — the keyword sits on the declaration or (this grammar) on the clause.
    const hasKeyword = (n: SyntaxNode, keyword: string): boolean => n.children.some((c) => c?.type === keyword);
    if (hasKeyword(node, 'const')) return;
    const groupPrefix = node.namedChildren.find((c) => c?.type === 'namespace_name')?.text;
    const group = node.childForFieldName('body');
    const clauses = (group ?? node).namedChildren.filter((c): c is SyntaxNode => c?.type === 'namespace_use_clause');
    for (const clause of clauses) {
      if (hasKeyword(clause, 'const')) continue;
      const imports = hasKeyword(node, 'function') || hasKeyword(clause, 'function') ? this.functionImports : this.classImports;
      const target = clause.namedChildren.find((c) => c?.type === 'qualified_name' || c?.type === 'name');
      if (!target) continue;
      const written = (groupPrefix ? `${groupPrefix}\\${target.text}` : target.text).toLowerCase().replace(/^\\/, '');
      const alias = clause.childForFieldName('alias')?.text.toLowerCase() ?? written.split('\\').pop()!;
      imports.set(alias, written);
    }
  }
}
