import type { SyntaxNode } from '../../parse/php';
import type { ClassPattern, ClassProperties, Construction, ConstructorModel, ConstructorStep, ValueExpr } from '../../project/constructor-model';
import { ownCode } from './assigned-properties';
import { literalOf } from './literals';
import { literalString } from './session-access';

/**
 * The declaration side of constructed property values (`project/constructed-values.ts`):
 * what each class's property declarations and `__construct` set, which properties its other
 * code writes, and what every `new` of the project may build with which arguments. All of it
 * read from the syntax tree, as data other files' lowering can use.
 */

const UNKNOWN: ValueExpr = { unknown: true };

/** Function-like nodes: a variable inside one is another variable. */
const SCOPES = new Set(['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'program']);

function named(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return (node?.namedChildren ?? []).filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let inner = node;
  while ((inner.type === 'parenthesized_expression' || inner.type === 'error_suppression_expression') && named(inner)[0]) inner = named(inner)[0]!;
  return inner;
}

const WRITES = ['assignment_expression', 'augmented_assignment_expression', 'reference_assignment_expression', 'update_expression', 'unset_statement', 'by_ref'];

/**
 * Property names a piece of code may write (static ones left out), in its own code (a file's
 * top level without the functions and classes it declares, as `assignedProperties` reads it):
 * a computed name is `*` on `$this` (any property) and `*public` on another object (which
 * could be an object of the family only in odd code: it counts against public properties).
 * `assignedProperties` cannot tell the two apart (`->*` for both), so this walks the writes itself.
 */
export function writtenProperties(node: SyntaxNode): string[] {
  const found = new Set<string>();
  const writes = ownCode(node).flatMap((part) => [part, ...part.descendantsOfType(WRITES)]);
  for (const write of writes) {
    if (!write || !WRITES.includes(write.type)) continue;
    const targets =
      write.type === 'unset_statement' || write.type === 'by_ref'
        ? named(write)
        : [write.childForFieldName('left') ?? write.childForFieldName('argument') ?? write.namedChild(0)].filter((c): c is SyntaxNode => c !== null);
    if (write.type === 'reference_assignment_expression' && write.childForFieldName('right')) targets.push(write.childForFieldName('right')!);
    for (const target of targets) {
      let base = target;
      while (base.type === 'subscript_expression' && base.namedChild(0)) base = base.namedChild(0)!;
      const accesses = base.type === 'member_access_expression' ? [base] : base.type === 'list_literal' || base.type === 'array_creation_expression' ? base.descendantsOfType('member_access_expression') : [];
      for (const access of accesses) {
        if (!access) continue;
        const name = access.childForFieldName('name');
        if (name?.type === 'name') found.add(name.text);
        else found.add(access.childForFieldName('object')?.text === '$this' ? '*' : '*public');
      }
      // A computed static property or anything else assignedProperties calls `any`: take it as any.
      if (base.type === 'scoped_property_access_expression' && base.childForFieldName('name')?.type !== 'variable_name') found.add('*');
    }
  }
  return [...found].sort();
}

/** `$this->name` → `name`. */
function thisProperty(node: SyntaxNode | null | undefined): string | undefined {
  if (node?.type !== 'member_access_expression') return undefined;
  const object = node.childForFieldName('object');
  const name = node.childForFieldName('name');
  return object?.type === 'variable_name' && object.text === '$this' && name?.type === 'name' ? name.text : undefined;
}

/** An array literal's keys and values, each value read by `value`. */
function arrayExpr(node: SyntaxNode, value: (node: SyntaxNode) => ValueExpr): ValueExpr {
  const entries: [string, ValueExpr][] = [];
  let open = false;
  let elements = false;
  for (const element of named(node)) {
    if (element.type !== 'array_element_initializer') continue;
    const parts = named(element);
    if (parts.some((part) => part.type === 'variadic_unpacking' || part.type === 'by_ref')) {
      open = true;
      continue;
    }
    if (parts.length === 1) {
      elements = true;
      continue;
    }
    const key = literalOf(parts[0]);
    if (typeof key === 'string' && !/^-?\d+$/.test(key)) entries.push([key, value(parts[1]!)]);
    else if (typeof key === 'number' || typeof key === 'string') elements = true;
    else open = true;
  }
  return { array: entries, ...(open ? { open: true } : {}), ...(elements ? { elements: true } : {}) };
}

/** A value as the model can evaluate it: literals and array literals; `inner` reads the rest. */
function valueExpr(node: SyntaxNode, inner: (node: SyntaxNode) => ValueExpr | undefined, depth = 0): ValueExpr {
  if (depth > 12) return UNKNOWN;
  const bare = unwrap(node);
  const literal = literalOf(bare);
  if (literal !== undefined) return { literal };
  if (bare.type === 'array_creation_expression') return arrayExpr(bare, (value) => valueExpr(value, inner, depth + 1));
  return inner(bare) ?? UNKNOWN;
}

const MERGES: Readonly<Record<string, { recursive?: true }>> = {
  array_merge: {},
  array_replace: {},
  array_replace_recursive: { recursive: true },
  array_merge_recursive: { recursive: true },
};

/** Inside the constructor: parameters, `$this->x`, merges and truth tests of them. */
function constructorExpr(node: SyntaxNode, parameters: ReadonlyMap<string, number>, depth = 0): ValueExpr {
  const read = (next: SyntaxNode): ValueExpr => constructorExpr(next, parameters, depth + 1);
  return valueExpr(node, (bare) => {
    if (bare.type === 'variable_name') {
      const index = parameters.get(bare.text);
      return index === undefined ? undefined : { parameter: index };
    }
    const property = thisProperty(bare);
    if (property) return { property };
    if (bare.type === 'subscript_expression') {
      const base = thisProperty(bare.namedChild(0));
      const key = bare.namedChild(1) ? literalString(bare.namedChild(1)!) : undefined;
      return base && key !== undefined ? { property: base, key } : undefined;
    }
    if (bare.type === 'binary_expression' && bare.childForFieldName('operator')?.text === '+') {
      const left = bare.childForFieldName('left');
      const right = bare.childForFieldName('right');
      return left && right ? { union: [read(left), read(right)], winner: 'left' } : undefined;
    }
    if (bare.type === 'unary_op_expression' && bare.children.some((c) => c !== null && !c.isNamed && c.text === '!')) {
      const argument = bare.childForFieldName('argument') ?? bare.namedChild(0);
      return argument ? { not: read(argument) } : undefined;
    }
    if (bare.type === 'cast_expression' && /^(bool|boolean)$/i.test(bare.childForFieldName('type')?.text.replace(/[()\s]/g, '') ?? '')) {
      const value = bare.childForFieldName('value');
      return value ? { bool: read(value) } : undefined;
    }
    if (bare.type === 'function_call_expression') {
      const callee = bare.childForFieldName('function');
      const name = callee?.type === 'name' ? callee.text.toLowerCase() : undefined;
      const args = named(bare.childForFieldName('arguments')).filter((c) => c.type === 'argument');
      if (args.some((arg) => arg.childForFieldName('name') || named(arg).some((c) => c.type === 'variadic_unpacking'))) return undefined;
      const values = args.map((arg) => (named(arg)[0] ? read(named(arg)[0]!) : UNKNOWN));
      if (name === 'empty' && values.length === 1) return { not: { bool: values[0]! } };
      if (name === 'isset' && values.length === 1) return { isset: values[0]! };
      if (name === 'boolval' && values.length === 1) return { bool: values[0]! };
      const merge = name ? MERGES[name] : undefined;
      if (merge && values.length === 2) return { union: [values[0]!, values[1]!], winner: 'right', ...merge };
    }
    return undefined;
  }, depth);
}

/** The steps of a statement list the model follows; null when it cannot be followed. */
function constructorSteps(statements: readonly SyntaxNode[], parameters: ReadonlyMap<string, number>, skipped: SyntaxNode[]): ConstructorStep[] | null {
  const steps: ConstructorStep[] = [];
  for (const statement of statements) {
    if (statement.type === 'compound_statement') {
      const inner = constructorSteps(named(statement), parameters, skipped);
      if (!inner) return null;
      steps.push(...inner);
      continue;
    }
    if (statement.type === 'if_statement') {
      const step = ifStep(statement, parameters, skipped);
      if (!step) return null;
      steps.push(step);
      continue;
    }
    // A `return` the model would walk past (only one that ends the constructor is harmless).
    if (statement.type === 'return_statement' || statement.descendantsOfType('return_statement').some((r) => r !== null && !insideNestedScope(r, statement))) {
      if (statement !== statements[statements.length - 1] || statement.type !== 'return_statement') return null;
      continue;
    }
    const expression = statement.type === 'expression_statement' ? named(statement)[0] : undefined;
    if (expression?.type === 'assignment_expression') {
      const property = thisProperty(expression.childForFieldName('left'));
      const right = expression.childForFieldName('right');
      if (property && right && writtenProperties(right).length === 0) {
        steps.push({ set: property, value: constructorExpr(right, parameters) });
        continue;
      }
    }
    if (expression?.type === 'scoped_call_expression' && expression.childForFieldName('scope')?.text.toLowerCase() === 'parent' && expression.childForFieldName('name')?.text.toLowerCase() === '__construct') {
      const args = named(expression.childForFieldName('arguments')).filter((c) => c.type === 'argument');
      if (args.some((arg) => arg.childForFieldName('name') || named(arg).some((c) => c.type === 'variadic_unpacking'))) return null;
      steps.push({ parentArgs: args.map((arg) => (named(arg)[0] ? constructorExpr(named(arg)[0]!, parameters) : UNKNOWN)) });
      continue;
    }
    // Anything else: what it writes counts as written elsewhere (the value is then not decided).
    skipped.push(statement);
  }
  return steps;
}

function ifStep(node: SyntaxNode, parameters: ReadonlyMap<string, number>, skipped: SyntaxNode[]): ConstructorStep | null {
  const condition = node.childForFieldName('condition');
  const body = node.childForFieldName('body');
  if (!condition) return null;
  if (writtenProperties(condition).length > 0) skipped.push(condition);
  const then = constructorSteps(body ? [body] : [], parameters, skipped);
  if (!then) return null;
  let otherwise: ConstructorStep[] = [];
  // `elseif` chains nest as `if`s in the `else` part, from the last one back.
  const alternatives = node.childrenForFieldName('alternative').filter((c): c is SyntaxNode => c !== null);
  for (const alternative of alternatives.reverse()) {
    const altBody = alternative.childForFieldName('body');
    if (alternative.type === 'else_clause') {
      const steps = constructorSteps(altBody ? [altBody] : [], parameters, skipped);
      if (!steps) return null;
      otherwise = steps;
    } else if (alternative.type === 'else_if_clause') {
      const altCondition = alternative.childForFieldName('condition');
      if (!altCondition) return null;
      if (writtenProperties(altCondition).length > 0) skipped.push(altCondition);
      const steps = constructorSteps(altBody ? [altBody] : [], parameters, skipped);
      if (!steps) return null;
      otherwise = [{ when: constructorExpr(altCondition, parameters), then: steps, otherwise }];
    }
  }
  return { when: constructorExpr(condition, parameters), then, otherwise };
}

function insideNestedScope(node: SyntaxNode, top: SyntaxNode): boolean {
  for (let at = node.parent; at && at.id !== top.id; at = at.parent) if (SCOPES.has(at.type)) return true;
  return false;
}

/** A `__construct` method as a model, and the statements it leaves out (their writes count as writes). */
function constructorModel(method: SyntaxNode, skipped: SyntaxNode[]): ConstructorModel {
  const parameters = new Map<string, number>();
  const defaults: (ValueExpr | null)[] = [];
  let spread = false;
  for (const parameter of named(method.childForFieldName('parameters'))) {
    const name = parameter.childForFieldName('name')?.text;
    if (parameter.type === 'variadic_parameter') spread = true;
    if (name && parameter.childForFieldName('reference_modifier') === null) parameters.set(name, defaults.length);
    const fallback = parameter.childForFieldName('default_value');
    defaults.push(fallback ? valueExpr(fallback, () => undefined) : null);
    // Promoted parameters (`public array $options = []`) write the property too.
    if (parameter.type === 'property_promotion_parameter' && name) skipped.push(parameter);
  }
  const body = method.childForFieldName('body');
  const steps = spread || !body ? null : constructorSteps(named(body), parameters, skipped);
  return { defaults, steps };
}

/** What a class declares about its properties, and which ones its code writes outside the model. */
export function classProperties(classNode: SyntaxNode, shortName: string | undefined): ClassProperties {
  const declared = new Map<string, { visibility: 'public' | 'protected' | 'private'; value: ValueExpr }>();
  const writes = new Set<string>();
  let constructorModelFound: ConstructorModel | undefined;
  let oldStyle = false;
  const body = classNode.childForFieldName('body');
  for (const member of named(body)) {
    if (member.type === 'property_declaration') {
      if (named(member).some((c) => c.type === 'static_modifier')) continue;
      const written = named(member).find((c) => c.type === 'visibility_modifier')?.text.toLowerCase();
      const visibility = written === 'protected' || written === 'private' ? written : 'public';
      for (const element of named(member)) {
        if (element.type !== 'property_element') continue;
        const name = element.childForFieldName('name')?.namedChild(0)?.text;
        const fallback = element.childForFieldName('default_value');
        // A typed property without a default is uninitialised (reading it throws): not a value.
        const typed = member.childForFieldName('type') !== null;
        const value: ValueExpr = fallback ? valueExpr(fallback, () => undefined) : typed ? UNKNOWN : { literal: null };
        if (name) declared.set(name, { visibility, value });
      }
      continue;
    }
    if (member.type !== 'method_declaration') continue;
    const name = member.childForFieldName('name')?.text.toLowerCase();
    if (name === '__construct') {
      const skipped: SyntaxNode[] = [];
      constructorModelFound = constructorModel(member, skipped);
      for (const statement of skipped) for (const property of writtenProperties(statement)) writes.add(property);
      continue;
    }
    if (shortName !== undefined && name === shortName.toLowerCase()) oldStyle = true;
    for (const property of writtenProperties(member)) writes.add(property);
  }
  return {
    declared,
    ...(constructorModelFound ? { constructorModel: constructorModelFound } : {}),
    ...(oldStyle && !constructorModelFound ? { oldStyleConstructor: true } : {}),
    writes: [...writes].sort(),
  };
}

/** The function, method or file a node runs in. */
function scopeOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let at = node.parent; at; at = at.parent) if (SCOPES.has(at.type)) return at;
  return undefined;
}

/**
 * The assignment of `$name` every path to `at` passes last: an earlier statement of a block
 * that holds `at` (`$opts = array(…); new C($opts);`), or the `foreach` that binds it; and
 * every other place after it that names the variable (a write there, or a loop back to the
 * `new`, could change it). Undefined when there is no such assignment.
 */
function dominatingAssignment(name: string, at: SyntaxNode, scope: SyntaxNode): { node: SyntaxNode; value: SyntaxNode; foreach: boolean; later: SyntaxNode[] } | undefined {
  // `own`: the mention of the variable the assignment itself writes.
  let found: { node: SyntaxNode; value: SyntaxNode; foreach: boolean; own: SyntaxNode } | undefined;
  for (let child = at, parent = at.parent; parent && !found; child = parent, parent = parent.parent) {
    if (parent.type === 'foreach_statement' && child.id === parent.childForFieldName('body')?.id) {
      const parts = named(parent).filter((c) => c.id !== child.id);
      const binding = parts[parts.length - 1];
      const value = binding?.type === 'pair' ? named(binding)[1] : binding;
      if (value?.type === 'variable_name' && value.text === name && parts[0]) found = { node: parent, value: parts[0], foreach: true, own: value };
    }
    if (parent.type === 'compound_statement' || parent.type === 'program' || parent.type === 'declaration_list') {
      const siblings = named(parent);
      for (let i = siblings.findIndex((s) => s.id === child.id) - 1; i >= 0 && !found; i--) {
        const expression = siblings[i]!.type === 'expression_statement' ? named(siblings[i]!)[0] : undefined;
        const left = expression?.type === 'assignment_expression' ? expression.childForFieldName('left') : undefined;
        const right = expression?.childForFieldName('right');
        if (left?.type === 'variable_name' && left.text === name && right) found = { node: siblings[i]!, value: right, foreach: false, own: left };
      }
    }
    if (parent.id === scope.id) break;
  }
  if (!found) return undefined;
  const later = scope
    .descendantsOfType('variable_name')
    .filter((v): v is SyntaxNode => v !== null && v.text === name && v.id !== found!.own.id && v.startIndex >= found!.node.startIndex && scopeOf(v)?.id === scope.id);
  return { node: found.node, value: found.value, foreach: found.foreach, later };
}

/** `global $x`, `static $x` or a closure's `use (&$x)` in the scope: the variable is not the scope's own. */
function sharedVariable(name: string, scope: SyntaxNode): boolean {
  for (const node of scope.descendantsOfType(['global_declaration', 'function_static_declaration', 'anonymous_function_use_clause'])) {
    if (node && node.descendantsOfType('variable_name').some((v) => v?.text === name)) return true;
  }
  return false;
}

/** A `new` argument in the caller: a literal, an array literal, or a variable assigned one just before. */
function argumentExpr(node: SyntaxNode, scope: SyntaxNode | undefined, resolveClass: (written: string) => string, className: string | undefined, depth = 0): ValueExpr {
  return valueExpr(node, (bare) => {
    // `new Finder($opts)`: an object of that class (what the object holds is not followed).
    if (bare.type === 'object_creation_expression') {
      const target = named(bare)[0];
      const written = target?.type === 'name' || target?.type === 'qualified_name' ? target.text.toLowerCase() : undefined;
      return written !== undefined && !['self', 'static', 'parent'].includes(written) ? { object: resolveClass(target!.text) } : undefined;
    }
    // `new IWebsessionManager($this->client)`: the object the caller's property holds, whose
    // class the project may know (`$this->client = new SoapClient(…)` in another method).
    const property = className !== undefined ? thisProperty(bare) : undefined;
    if (property !== undefined) return { heldBy: className!, callerProperty: property };
    if (bare.type !== 'variable_name' || !scope || depth > 4 || bare.text === '$this' || sharedVariable(bare.text, scope)) return undefined;
    const assignment = dominatingAssignment(bare.text, bare, scope);
    // Any other mention after the assignment may change it (`$opts['k'] = 1`, `f($opts)` by reference).
    if (!assignment || assignment.foreach || assignment.later.some((v) => v.id !== bare.id)) return undefined;
    return argumentExpr(assignment.value, scope, resolveClass, className, depth + 1);
  });
}

/** A string that names classes: `'Foo'`, `'Foo' . $x`, `"Foo{$x}"`, `Foo::class`, `get_class($this)`. */
function classNamesOf(node: SyntaxNode, className: string | undefined): ClassPattern {
  const bare = unwrap(node);
  const literal = literalString(bare);
  if (literal !== undefined) return { exact: literal.replace(/^\\/, '').toLowerCase() };
  if (bare.type === 'binary_expression' && bare.childForFieldName('operator')?.text === '.') {
    let left = bare.childForFieldName('left');
    while (left && unwrap(left).type === 'binary_expression' && unwrap(left).childForFieldName('operator')?.text === '.') left = unwrap(left).childForFieldName('left');
    const prefix = left ? literalString(unwrap(left)) : undefined;
    return prefix ? { prefix: prefix.replace(/^\\/, '').toLowerCase() } : { any: true };
  }
  // `"phpvbAuth{$this->authLib}"`: the text before the first interpolation.
  if (bare.type === 'encapsed_string') {
    const first = named(bare)[0];
    return first?.type === 'string_content' && first.text !== '' ? { prefix: first.text.replace(/^\\/, '').toLowerCase() } : { any: true };
  }
  if (bare.type === 'function_call_expression' && bare.childForFieldName('function')?.text.toLowerCase() === 'get_class' && className) {
    const args = named(bare.childForFieldName('arguments'));
    if (args.length === 1 && named(args[0])[0]?.text === '$this') return { family: className };
  }
  if (bare.type === 'class_constant_access_expression') {
    const [scope, name] = named(bare);
    if (name?.text.toLowerCase() === 'class' && scope && /^(static|self)$/i.test(scope.text) && className) return scope.text.toLowerCase() === 'self' ? { exact: className } : { family: className };
  }
  return { any: true };
}

/**
 * `new $class(…)` whose class name the code bounds by literal starts only (`$alib =
 * "phpvbAuth{$this->authLib}"` just before, or every value the function assigns it): those
 * starts, lower-case; undefined for a class written out, or a name the code does not bound.
 */
export function constructedPrefixes(node: SyntaxNode, className: string | undefined): string[] | undefined {
  const target = named(node)[0];
  if (node.type !== 'object_creation_expression' || target?.type !== 'variable_name') return undefined;
  const builds = buildsOf(target, (written) => written.toLowerCase(), className, undefined, scopeOf(node));
  const prefixes = builds.map((pattern) => ('prefix' in pattern ? pattern.prefix : undefined));
  return prefixes.length > 0 && prefixes.every((prefix) => prefix !== undefined && prefix !== '') ? [...new Set(prefixes as string[])] : undefined;
}

/**
 * What a `new` builds and with which arguments. `resolveClass` resolves a written class name;
 * `className`/`parentName` are the class the `new` is written in and its parent.
 */
export function constructionOf(
  node: SyntaxNode,
  resolveClass: (written: string) => string,
  className: string | undefined,
  parentName: string | undefined,
): Construction | undefined {
  const parts = named(node);
  const target = parts[0];
  if (!target || target.type === 'anonymous_class' || node.type !== 'object_creation_expression') return undefined;
  const argumentList = parts.find((c) => c.type === 'arguments');
  const args = named(argumentList).filter((c) => c.type === 'argument');
  const scope = scopeOf(node);
  const values = args.some((arg) => arg.childForFieldName('name') || named(arg).some((c) => c.type === 'variadic_unpacking'))
    ? null
    : args.map((arg) => (named(arg)[0] ? argumentExpr(named(arg)[0]!, scope, resolveClass, className) : UNKNOWN));
  return { builds: buildsOf(target, resolveClass, className, parentName, scope), args: values };
}

function buildsOf(target: SyntaxNode, resolveClass: (written: string) => string, className: string | undefined, parentName: string | undefined, scope: SyntaxNode | undefined): ClassPattern[] {
  if (target.type === 'name' || target.type === 'qualified_name') {
    const written = target.text.toLowerCase();
    if (written === 'self') return className ? [{ exact: className }] : [{ any: true }];
    if (written === 'static') return className ? [{ family: className }] : [{ any: true }];
    if (written === 'parent') return parentName ? [{ exact: parentName }] : [{ any: true }];
    return [{ exact: resolveClass(target.text) }];
  }
  if (target.type === 'variable_name' && scope && !sharedVariable(target.text, scope)) {
    const assignment = dominatingAssignment(target.text, target, scope);
    // Only writes that can run between the assignment and the `new` matter for a class name
    // (`class_exists($class)` reads it; an `else` branch further down does not reach it).
    const rewritten = assignment?.later.some((v) => v.id !== target.id && isWrite(v) && (v.startIndex < target.startIndex || loopsBackWithout(v, target, assignment.node)));
    if (assignment && !rewritten) {
      if (!assignment.foreach) return [classNamesOf(assignment.value, className)];
      const iterated = unwrap(assignment.value);
      if (iterated.type === 'array_creation_expression') {
        const values = named(iterated).filter((e) => e.type === 'array_element_initializer').map((e) => named(e)[named(e).length - 1]);
        const names = values.map((value) => (value ? literalString(value) : undefined));
        if (names.length > 0 && names.every((n) => n !== undefined)) return names.map((n) => ({ exact: n!.replace(/^\\/, '').toLowerCase() }));
      }
    }
    // Set on some paths only (`if (…) $class = 'db' . $x; else $class = 'dbBase';`): every
    // value the scope assigns it, when it is not a parameter and is only ever assigned.
    if (!assignment) return everyAssignedName(target.text, scope, className);
  }
  return [{ any: true }];
}

const LOOPS = new Set(['for_statement', 'foreach_statement', 'while_statement', 'do_statement']);

function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/**
 * `write`, after `at` in the text, reaches `at` through a loop that holds both but not the
 * assignment `from` (which, inside that loop, every iteration would pass again first).
 */
function loopsBackWithout(write: SyntaxNode, at: SyntaxNode, from: SyntaxNode): boolean {
  for (let loop = write.parent; loop; loop = loop.parent) {
    if (LOOPS.has(loop.type) && contains(loop, at)) return !contains(loop, from);
  }
  return false;
}

function everyAssignedName(name: string, scope: SyntaxNode, className: string | undefined): ClassPattern[] {
  const parameters = named(scope.childForFieldName('parameters'));
  if (parameters.some((parameter) => parameter.childForFieldName('name')?.text === name)) return [{ any: true }];
  const mentions = scope.descendantsOfType('variable_name').filter((v): v is SyntaxNode => v !== null && v.text === name && scopeOf(v)?.id === scope.id);
  const patterns: ClassPattern[] = [];
  for (const mention of mentions) {
    if (!isWrite(mention)) continue;
    const parent = mention.parent!;
    const right = parent.type === 'assignment_expression' ? parent.childForFieldName('right') : null;
    if (!right) return [{ any: true }];
    patterns.push(classNamesOf(right, className));
  }
  return patterns.length === 0 || patterns.some((pattern) => 'any' in pattern) ? [{ any: true }] : patterns;
}

/** A mention of a variable that changes it (assigned, bound, unset, taken by reference). */
function isWrite(variable: SyntaxNode): boolean {
  const parent = variable.parent;
  if (!parent) return false;
  if (parent.type.endsWith('assignment_expression') && parent.childForFieldName('left')?.id === variable.id) return true;
  return ['unset_statement', 'by_ref', 'foreach_statement', 'pair', 'list_literal', 'update_expression'].includes(parent.type);
}
