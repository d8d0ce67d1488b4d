import type { SyntaxNode } from '../../parse/php';
import type { ClassPattern, ConstructorInputs } from '../../project/constructor-model';
import { constructionOf } from './constructed-properties';
import { literalOf } from './literals';
import type { NameScope } from './names';

/**
 * What a class's constructor reads, so that the project can tell whether two `new Cfg()` of
 * one request build the same object (phpVirtualBox's `session_init()` builds its
 * configuration object on every call and tests `$settings->noAuth`: the same answer each time).
 *
 * Read are the constructor and the methods it calls on `$this` (in the class itself). The
 * object's own properties, literals, constants, included files (configuration), the request's
 * inputs (`$_GET`, `$_COOKIE`, `$_SERVER`, …) and PHP's functions are the same on every
 * construction of one request; what a request changes is not: globals (`global`,
 * `$GLOBALS`), the session, static properties and variables, other objects' methods, the
 * clock, random numbers, settings, output state (`CHANGING_BUILTINS`), and project functions
 * (recorded as `calls`, checked by the project). Probes of declared names depend on what ran
 * before unless the name comes from outside the project (`probes`); other classes built are
 * recorded (`builds`). Null when it reads anything else, or `$this` escapes (handed to other
 * code, which could keep it and change it later).
 */
export function constructorInputs(classNode: SyntaxNode, names: NameScope, className: string, parentName: string | undefined): ConstructorInputs | null {
  const methods = new Map<string, SyntaxNode>();
  for (const member of classNode.childForFieldName('body')?.namedChildren ?? []) {
    if (member?.type === 'method_declaration') methods.set(member.childForFieldName('name')?.text.toLowerCase() ?? '', member);
  }
  const shortName = classNode.childForFieldName('name')?.text.toLowerCase();
  const constructor = methods.get('__construct');
  // A PHP 4 constructor (a method named like the class) is not followed.
  if (!constructor && shortName !== undefined && methods.has(shortName)) return null;
  const inputs = { calls: [] as string[][], builds: [] as ClassPattern[], probes: [] as ConstructorInputs['probes'][number][], parent: !constructor && parentName !== undefined };
  if (constructor) {
    const queue = [constructor];
    const seen = new Set<SyntaxNode['id']>([constructor.id]);
    while (queue.length > 0) {
      if (seen.size > MAX_METHODS) return null;
      const method = queue.shift()!;
      const body = method.childForFieldName('body');
      if (!body) return null;
      const called = readsOf(body, names, className, parentName, inputs);
      if (called === null) return null;
      for (const name of called) {
        const callee = methods.get(name);
        // A method of a parent or a trait: not followed.
        if (!callee) return null;
        if (!seen.has(callee.id)) {
          seen.add(callee.id);
          queue.push(callee);
        }
      }
    }
  }
  return {
    calls: inputs.calls,
    builds: inputs.builds,
    probes: inputs.probes,
    ...(inputs.parent ? { parent: true as const } : {}),
  };
}

/** Bounds the walk: a constructor and a few helpers, never the whole class. */
const MAX_METHODS = 8;

/** PHP functions whose answer changes during a request, or that run code named at run time. */
const CHANGING_BUILTINS = new Set([
  'time', 'microtime', 'hrtime', 'date', 'gmdate', 'idate', 'getdate', 'localtime', 'mktime', 'gmmktime', 'strtotime', 'date_create',
  'rand', 'mt_rand', 'random_int', 'random_bytes', 'uniqid', 'lcg_value', 'openssl_random_pseudo_bytes', 'shuffle', 'str_shuffle', 'array_rand',
  'ini_get', 'ini_get_all', 'get_include_path', 'getcwd', 'headers_sent', 'headers_list', 'http_response_code',
  'memory_get_usage', 'memory_get_peak_usage', 'error_get_last', 'get_defined_vars', 'get_declared_classes', 'get_included_files',
  'extract', 'compact', 'parse_str', 'eval', 'call_user_func', 'call_user_func_array', 'forward_static_call', 'forward_static_call_array', 'func_get_args',
]);

/** Prefixes of such functions: the session's, output buffers'. */
const CHANGING_PREFIXES = ['session_', 'ob_'];

const PROBES: Readonly<Record<string, 'function' | 'class' | 'constant'>> = {
  function_exists: 'function',
  class_exists: 'class',
  interface_exists: 'class',
  trait_exists: 'class',
  defined: 'constant',
};

const NESTED = new Set(['function_definition', 'anonymous_function', 'arrow_function', 'class_declaration', 'method_declaration', 'anonymous_class']);

/** Records what `body` reads into `inputs`; the methods it calls on `$this`, or null when it reads what a request changes. */
function readsOf(body: SyntaxNode, names: NameScope, className: string, parentName: string | undefined, inputs: { calls: string[][]; builds: ClassPattern[]; probes: ConstructorInputs['probes'][number][]; parent: boolean }): string[] | null {
  const called: string[] = [];
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && NESTED.has(node.type)) return null;
    switch (node.type) {
      case 'global_declaration':
      case 'static_variable_declaration':
      case 'scoped_property_access_expression':
      case 'dynamic_variable_name':
        return null;
      case 'variable_name': {
        const text = node.text;
        if (text === '$GLOBALS' || text === '$_SESSION') return null;
        // `$this` only as the object of a property or a method of its own.
        if (text === '$this') {
          const parent = node.parent;
          const isObject = (parent?.type === 'member_access_expression' || parent?.type === 'member_call_expression' || parent?.type === 'nullsafe_member_access_expression') && parent.childForFieldName('object')?.id === node.id;
          if (!isObject) return null;
        }
        break;
      }
      case 'member_call_expression':
      case 'nullsafe_member_call_expression': {
        const object = node.childForFieldName('object');
        const method = node.childForFieldName('name');
        if (object?.type !== 'variable_name' || object.text !== '$this' || method?.type !== 'name') return null;
        called.push(method.text.toLowerCase());
        break;
      }
      case 'scoped_call_expression': {
        const scope = node.childForFieldName('scope')?.text.toLowerCase();
        const method = node.childForFieldName('name')?.text.toLowerCase();
        if (scope !== 'parent' || method !== '__construct') return null;
        inputs.parent = true;
        break;
      }
      case 'function_call_expression': {
        const callee = node.childForFieldName('function');
        if (callee?.type !== 'name' && callee?.type !== 'qualified_name') return null;
        const name = callee.text.replace(/^\\/, '').toLowerCase();
        if (CHANGING_BUILTINS.has(name) || CHANGING_PREFIXES.some((prefix) => name.startsWith(prefix))) return null;
        const probe = PROBES[name];
        if (probe) {
          const argument = node.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'argument')?.namedChild(0);
          const written = argument ? literalOf(argument) : undefined;
          const probed = typeof written === 'string' ? written : undefined;
          if (probed === undefined) return null;
          inputs.probes.push({ kind: probe, name: probe === 'class' ? probed.replace(/^\\/, '').toLowerCase() : probed.replace(/^\\/, '') });
        } else inputs.calls.push(names.functionCandidates(callee.text));
        break;
      }
      case 'object_creation_expression': {
        const construction = constructionOf(node, (written) => names.resolveClass(written), className, parentName);
        if (!construction || construction.builds.some((pattern) => 'any' in pattern || 'family' in pattern)) return null;
        inputs.builds.push(...construction.builds);
        break;
      }
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return called;
}
