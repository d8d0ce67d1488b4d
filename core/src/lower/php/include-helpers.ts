import type { SyntaxNode } from '../../parse/php';
import { NESTED_DECLARATIONS } from './unit-scope';
import type { IncludeHelper, PathTemplate, TemplatePart } from '../../project/symbols';
import { evaluateStatic, implodeOperands, joinParts } from './static-string';
import { literalString } from './session-access';
import { globalsElementVariable } from './globals-elements';
import { callArguments, calledName } from './literals';
import type { NameScope } from './names';

/**
 * Include helpers and the project's path globals, gathered with the declarations.
 *
 * An include helper is a function whose include's path is built from one of its parameters
 * (MantisBT: `function require_api($name) { global $g_core_path; require_once($g_core_path .
 * $name); }`): each call with a literal argument includes a known file, so the call site is
 * where that file's top level runs (`core/src/lower/php/expressions.ts`). The prefix is often
 * a global the project sets once at its top level (`$g_core_path = $g_absolute_path . 'core/'`,
 * `$g_absolute_path = __DIR__ . '/'`): those top-level assignments are recorded here too, so a
 * path can be worked out across files (`ProjectSymbols.globalValues`).
 */

const INCLUDES = new Set(['include_expression', 'include_once_expression', 'require_expression', 'require_once_expression']);

/** A global assigned more often than this keeps only its first values (it has too many anyway). */
const MAX_RECORDED_VALUES = 8;

/** Local variables followed through their single assignment at most this deep. */
const MAX_DEPTH = 8;

export interface IncludeHelperDeclarations {
  /** Lower-case fq function → its include whose path depends on a parameter. */
  readonly helpers: Map<string, IncludeHelper>;
  /**
   * Variable name (with `$`) → the values the file's top level assigns it; `null` when some
   * assignment is not a path we can follow, or a function assigns it through `global`.
   */
  readonly globals: Map<string, PathTemplate[] | null>;
  /**
   * Variable (with `$`) → the class the file's top level builds into it (`$config = new
   * config(…)`); `null` when it builds several.
   */
  readonly globalClasses: Map<string, string | null>;
}

/** What a unit's body says about its variables, for working out a path in it. */
interface Scope {
  readonly file: string;
  /** `$name` → parameter position (functions only). */
  readonly parameters: ReadonlyMap<string, number>;
  /** Variables that are globals here: `global $x;` in a function, every variable at the top level. */
  readonly isGlobal: (name: string) => boolean;
  /** `$name` → the right-hand sides of its plain assignments in the unit. */
  readonly assignments: ReadonlyMap<string, readonly SyntaxNode[]>;
}

export function emptyIncludeHelpers(): IncludeHelperDeclarations {
  return { helpers: new Map(), globals: new Map(), globalClasses: new Map() };
}

/**
 * Records `node` (a function's definition, named `name`) as an include helper when it is one,
 * and the globals it assigns (a method: only those).
 */
export function declareFunctionHelper(node: SyntaxNode, name: string | undefined, file: string, found: IncludeHelperDeclarations): void {
  const body = node.childForFieldName('body');
  if (!body) return;
  const { includes, assignments, globals, globalWrites } = scan(body);
  // A function that assigns a global changes it at run time: its value is not known.
  for (const global of globalWrites) found.globals.set(global, null);
  for (const [variable] of assignments) if (globals.has(elementBase(variable))) found.globals.set(variable, null);
  if (includes.length === 0 || name === undefined) return;
  const parameters = new Map<string, number>();
  let index = 0;
  for (const parameter of node.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter || parameter.type === 'comment') continue;
    const variable = parameter.childForFieldName('name')?.text;
    // A parameter the body reassigns is no longer what the caller passed.
    if (variable && !assignments.has(variable)) parameters.set(variable, index);
    index++;
  }
  const scope: Scope = { file, parameters, isGlobal: (variable) => globals.has(variable), assignments };
  const dependent = includes
    .map((include) => ({ include, path: templateOf(include.namedChildren.find((c) => c?.type !== 'comment') ?? null, scope, 0) }))
    .filter(({ path }) => path.some((part) => 'parameter' in part));
  // Several includes that depend on parameters: which one runs for a call is not known here.
  if (dependent.length !== 1) return;
  const { include, path } = dependent[0]!;
  found.helpers.set(name, { path, from: file, keyword: include.type.slice(0, include.type.indexOf('_expression')) });
}

/** Records the top level's assignments of variables (globals) whose value is a path we can follow. */
export function declareTopLevelGlobals(root: SyntaxNode, file: string, found: IncludeHelperDeclarations): void {
  const { assignments } = scan(root);
  const scope: Scope = { file, parameters: new Map(), isGlobal: () => true, assignments: new Map() };
  for (const [variable, values] of assignments) {
    if (found.globals.get(variable) === null) continue;
    const templates = values.map((value) => templateOf(value, scope, 0));
    if (templates.some((template) => template.some((part) => 'unknown' in part))) {
      found.globals.set(variable, null);
      continue;
    }
    found.globals.set(variable, [...(found.globals.get(variable) ?? []), ...templates].slice(0, MAX_RECORDED_VALUES));
  }
}

/** The includes, plain assignments and `global` declarations of a unit's own body. */
function scan(body: SyntaxNode): { includes: SyntaxNode[]; assignments: Map<string, SyntaxNode[]>; globals: Set<string>; globalWrites: Set<string> } {
  const includes: SyntaxNode[] = [];
  const assignments = new Map<string, SyntaxNode[]>();
  const globals = new Set<string>();
  const globalWrites = new Set<string>();
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && NESTED_DECLARATIONS.has(node.type)) continue;
    if (INCLUDES.has(node.type)) includes.push(node);
    else if (node.type === 'global_declaration') {
      for (const variable of node.descendantsOfType('variable_name')) if (variable) globals.add(variable.text);
    } else if (node.type === 'assignment_expression' || node.type === 'augmented_assignment_expression' || node.type === 'reference_assignment_expression') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      // `$config['lib_dir'] = …`: an element with a literal key is followed like a variable of its own.
      const target = left?.type === 'variable_name' ? left.text : left ? namedElement(left) : undefined;
      if (target !== undefined) {
        // `$x .= 'a'` or `$x = &$y`: not a value we can follow.
        const value = node.type === 'assignment_expression' && right ? right : null;
        let values = assignments.get(target);
        if (!values) assignments.set(target, (values = []));
        values.push(value ?? UNKNOWN_VALUE);
      }
      const written = left ? globalsElementVariable(left) : undefined;
      if (written) globalWrites.add(written);
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return { includes, assignments, globals, globalWrites };
}

/** Stands for a value no path can be made of (a compound assignment). */
const UNKNOWN_VALUE = { type: 'unknown-value' } as unknown as SyntaxNode;


/**
 * `$config['lib_dir']` → `$config['lib_dir']` (one level, a literal key, not `$GLOBALS`): the
 * name an element is recorded under. A write with a computed key (`$config[$k] = trim($v)`,
 * rewriting what the array holds) is not taken as changing a named element.
 */
export function namedElement(node: SyntaxNode): string | undefined {
  if (node.type !== 'subscript_expression') return undefined;
  const [base, index] = node.namedChildren;
  if (base?.type !== 'variable_name' || base.text === '$GLOBALS' || !index) return undefined;
  const key = literalString(index);
  return key === undefined || key.includes("'") ? undefined : `${base.text}['${key}']`;
}

/** The variable an element name belongs to (`$config['lib_dir']` → `$config`); a variable is its own. */
function elementBase(name: string): string {
  const at = name.indexOf('[');
  return at < 0 ? name : name.slice(0, at);
}

/** A path expression as a template: literal text, constants, parameters, globals; the rest unknown. */
function templateOf(node: SyntaxNode | null, scope: Scope, depth: number): PathTemplate {
  if (!node || (node as { type: string }).type === 'unknown-value' || depth > MAX_DEPTH) return [{ unknown: true }];
  switch (node.type) {
    case 'parenthesized_expression':
    case 'argument':
      return templateOf(node.namedChildren.find((c) => c !== null && c.type !== 'comment' && c.type !== 'name') ?? node.namedChild(0), scope, depth + 1);
    case 'binary_expression':
      if (node.childForFieldName('operator')?.text !== '.') return [{ unknown: true }];
      return [...templateOf(node.childForFieldName('left'), scope, depth + 1), ...templateOf(node.childForFieldName('right'), scope, depth + 1)];
    case 'variable_name':
      return variableTemplate(node.text, scope, depth);
    case 'subscript_expression': {
      const global = globalsElementVariable(node);
      if (global) return [{ global }];
      const element = namedElement(node);
      return element !== undefined && scope.isGlobal(elementBase(element)) ? [{ global: element }] : [{ unknown: true }];
    }
    case 'function_call_expression': {
      // `implode(DIRECTORY_SEPARATOR, [$config['root'], 'lib'])`: joined as `.` would write it.
      const imploded = implodeOperands(node);
      if (imploded) return joinParts(templateOf(imploded.separator, scope, depth + 1), imploded.elements.map((element) => templateOf(element, scope, depth + 1))) ?? [{ unknown: true }];
      // `realpath($config['root'] . '/..')`: the same folder (paths are normalized where they are resolved).
      const args = callArguments(node);
      if (calledName(node) === 'realpath' && args.length === 1) return templateOf(args[0]!, scope, depth + 1);
      return evaluateStatic(node, scope.file);
    }
    default:
      return evaluateStatic(node, scope.file);
  }
}

function variableTemplate(variable: string, scope: Scope, depth: number): PathTemplate {
  const parameter = scope.parameters.get(variable);
  if (parameter !== undefined) return [{ parameter }];
  if (scope.isGlobal(variable)) return [{ global: variable }];
  // A local assigned once: what it was assigned (`$file = $g_lib . $name; require $file;`).
  const values = scope.assignments.get(variable) ?? [];
  if (values.length === 1) return templateOf(values[0]!, scope, depth + 1);
  return [{ unknown: true }];
}

export type { PathTemplate, TemplatePart };

/**
 * Records the classes the top level builds into variables (`$config = new config(…)`), for
 * functions that reach them through `global $config;`. `scopeOf` gives the namespace scope of
 * a top-level statement (class names resolve in it).
 */
export function declareGlobalClasses(root: SyntaxNode, scopeOf: (statement: SyntaxNode) => NameScope | undefined, found: IncludeHelperDeclarations): void {
  const statements: SyntaxNode[] = [];
  for (const child of root.namedChildren) {
    if (!child) continue;
    const body = child.type === 'namespace_definition' ? child.childForFieldName('body') : null;
    if (body) statements.push(...body.namedChildren.filter((c): c is SyntaxNode => c !== null));
    else statements.push(child);
  }
  for (const statement of statements) {
    const scope = scopeOf(statement);
    if (!scope) continue;
    const stack: SyntaxNode[] = [statement];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (NESTED_DECLARATIONS.has(node.type)) continue;
      if (node.type === 'assignment_expression') {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        // `$x = $cond ? new A() : new B()`: both are built.
        const values = right?.type === 'conditional_expression' ? [right.childForFieldName('body'), right.childForFieldName('alternative')] : [right];
        for (const value of values) {
          const classNode = value?.type === 'object_creation_expression' ? value.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name') : undefined;
          // `$GLOBALS['config'] = new config(…)` builds the same global.
          const variable = left?.type === 'variable_name' ? left.text : left ? globalsElementVariable(left) : undefined;
          if (variable === undefined || !classNode || ['self', 'static', 'parent'].includes(classNode.text.toLowerCase())) continue;
          const className = scope.resolveClass(classNode.text);
          const known = found.globalClasses.get(variable);
          found.globalClasses.set(variable, known === undefined || known === className ? className : null);
        }
      }
      for (const child of node.namedChildren) if (child) stack.push(child);
    }
  }
}

/**
 * `global $config; /** @var Config $config *\/ $config = $container->get('config');` in a
 * function: the class its docblock gives the global it assigns (phpMyAdmin's `Common::run()`),
 * for `global $config;` in other functions. Merged with the top level's `new` like them.
 */
export function declareDocumentedGlobalClasses(node: SyntaxNode, scope: NameScope, found: IncludeHelperDeclarations): void {
  const body = node.childForFieldName('body');
  if (!body) return;
  const { globals } = scan(body);
  if (globals.size === 0) return;
  for (const statement of body.namedChildren) {
    if (statement?.type !== 'expression_statement') continue;
    const assignment = statement.namedChild(0);
    const left = assignment?.type === 'assignment_expression' ? assignment.childForFieldName('left') : null;
    const comment = statement.previousNamedSibling;
    if (left?.type !== 'variable_name' || !globals.has(left.text) || comment?.type !== 'comment') continue;
    const written = documentedClass(comment.text, left.text);
    if (!written) continue;
    const className = scope.resolveClass(written);
    const known = found.globalClasses.get(left.text);
    found.globalClasses.set(left.text, known === undefined || known === className ? className : null);
  }
}

/** `@var Config $config` (the class named for that variable) in a docblock. */
function documentedClass(comment: string, variable: string): string | undefined {
  const at = comment.indexOf('@var');
  if (at === -1) return undefined;
  const words: string[] = [];
  let word = '';
  for (const char of `${comment.slice(at + 4)} `) {
    if (char !== ' ' && char !== '\t' && char !== '\r' && char !== '\n') word += char;
    else if (word !== '') {
      if (word !== '*' && word !== '*/') words.push(word);
      word = '';
    }
  }
  const [type, name] = words;
  if (!type || name !== variable || type.includes('|') || type.startsWith('$')) return undefined;
  return type.startsWith('?') ? type.slice(1) : type;
}
