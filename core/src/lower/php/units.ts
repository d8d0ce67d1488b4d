import type { Span } from '../../model/span';
import type { SyntaxNode } from '../../parse/php';
import type { AssignedCall, ClassSymbol, FileSymbols, ShippedValue } from '../../project/symbols';
import { returnedClass } from './returned-class';
import { callArguments, stripLeadingBackslash } from './literals';
import { NameScope } from './names';
import { literalString } from './session-access';
import { evaluateStatic, type StaticString } from './static-string';
import { evaluateWithVariables, type VariableCache } from './variable-value';
import { includePathSetBy } from './include-path-sets';
import { topLevelSettings } from './settings';
import { declareShippedDefaults } from './shipped-defaults';
import { settingAccessorOf, type SettingAccessor } from './setting-accessors';
import { classProperties, constructedPrefixes, constructionOf, writtenProperties } from './constructed-properties';
import { constructorInputs } from './constructor-inputs';
import type { ClassProperties, Construction } from '../../project/constructor-model';
import { pureFunctionOf, samePure, type PureFunction } from './pure-functions';
import { bothTruthy, returnsTruthyWhen, type TruthyWhen } from './truthy-strings';
import { PlainNode } from '../../parse/plain-tree';
import { keepsDeclarations, mergeDeclarations, recordOf, relocated, scopeState, statementKey, type DeclarationReuse } from './declaration-reuse';
import { restoredReferences } from './restored-references';
import { declareDocumentedGlobalClasses, declareFunctionHelper, declareGlobalClasses, declareTopLevelGlobals, emptyIncludeHelpers, type IncludeHelperDeclarations } from './include-helpers';
import { assignedSkeletonPath } from './assigned-skeleton';

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
  /** Methods: attributes and docblock tags, visibility. */
  readonly annotations?: readonly { readonly name: string; readonly span: Span }[];
  readonly visibility?: 'public' | 'protected' | 'private';
  /** Methods: the parameters a call must pass (no default, not variadic). */
  readonly requiredParameters?: number;
}

export interface FileDeclarations {
  readonly units: UnitSite[];
  readonly functions: Set<string>;
  /** Functions declared unconditionally at the file's top level (PHP declares them when it compiles the file). */
  readonly topLevelFunctions: Set<string>;
  /** Lower-case fq class → parent ('' for none). */
  readonly classes: Map<string, string>;
  readonly classSpans: Map<string, Span>;
  readonly comments: { node: SyntaxNode }[];
  /** Top-level statements (by node id) → the namespace scope they run in. */
  readonly statementScopes: Map<number, NameScope>;
  /** Lower-case fq class → property name → lower-case class. */
  readonly propertyTypes: Map<string, Map<string, string>>;
  /** Lower-case fq class → property name → the call assigned to it. */
  readonly propertyCalls: Map<string, Map<string, AssignedCall>>;
  /**
   * Lower-case fq class → property name → the literal starts of the class names a `new $class`
   * assigned to it may build (`$this->auth = new $alib(…)` with `$alib = "phpvbAuth{$lib}"`).
   */
  readonly propertyClassPrefixes: Map<string, Map<string, readonly string[]>>;
  /** Lower-case fq class → lower-case method names it declares. */
  readonly methods: Map<string, Set<string>>;
  /** Lower-case fq class → the traits it uses. */
  readonly traits: Map<string, string[]>;
  /** Lower-case fq class → the interfaces it implements (lower-case fq). */
  readonly interfaces: Map<string, string[]>;
  /** Lower-case fq class → the methods it declares without a body (interface and abstract methods). */
  readonly abstractMethods: Map<string, Set<string>>;
  /** Lower-case fq classes no object is made of: `abstract class`, interfaces, traits. */
  readonly abstractClasses: Set<string>;
  /** Lower-case fq class → method → returned class. */
  readonly methodReturns: Map<string, Map<string, string>>;
  /** Lower-case fq function → returned class. */
  readonly functionReturns: Map<string, string>;
  /** Lower-case fq function, or `class::method` → by-reference parameter positions. */
  readonly byRef: Map<string, number[]>;
  /** Same keys as `byRef`: the by-reference parameters the callee leaves as they were (`restored-references.ts`). */
  readonly restoredRefs: Map<string, number[]>;
  /** Lower-case fq class → what it declares and writes of its properties (`constructed-properties.ts`). */
  readonly classProperties: Map<string, ClassProperties>;
  /** Every `new` of the file: what it may build, with which arguments. */
  readonly constructions: Construction[];
  /** Properties written by the file's code outside classes (`*`: a computed name). */
  readonly looseWrites: Set<string>;
  readonly constants: Map<string, StaticString>;
  /** Whether some `define()` names its constant with an expression, not a literal (`define($name, …)`). */
  computedDefines: boolean;
  /** Constants this file defines only as a fallback (`if (!defined('X')) define('X', …)`). */
  fallbackDefines: Set<string>;
  /** Calls made as statements with arguments all known (`require_api('x.php');`), for include helpers. */
  literalCalls: { name: string; args: StaticString[] }[];
  readonly includes: StaticString[];
  /** The values its `set_include_path()` calls set (`include-path-sets.ts`). */
  readonly includePathSets: StaticString[];
  readonly settings: FileSymbols['settings'];
  /** Lower-case fq function → its model when it is a pure function, null when it is not. */
  readonly pureFunctions: Map<string, PureFunction | null>;
  /**
   * Lower-case fq function, or `class::method` with a body → when every return is a string PHP
   * reads as true (`truthy-strings.ts`); null when it may return anything else.
   */
  readonly truthyStringFunctions: Map<string, TruthyWhen | null>;
  /** Include helpers it declares and the path globals its top level sets. */
  readonly includeHelpers: IncludeHelperDeclarations;
  /** The values its top level ships for settings (`shipped-defaults.ts`). */
  readonly shippedDefaults: Map<string, ShippedValue | null>;
  /** Lower-case fq function or `class::method` → the setting accessor it is (`setting-accessors.ts`). */
  readonly settingAccessors: Map<string, SettingAccessor>;
}

/** The part of the declarations other files need. */
export function fileSymbols(file: string, declarations: FileDeclarations): FileSymbols {
  const classes: ClassSymbol[] = [...declarations.classes].map(([name, parent]) => ({
    name,
    ...(parent ? { parent } : {}),
    properties: declarations.propertyTypes.get(name) ?? new Map(),
    ...(declarations.propertyCalls.has(name) ? { propertyCalls: declarations.propertyCalls.get(name)! } : {}),
    ...(declarations.propertyClassPrefixes.has(name) ? { classPrefixes: declarations.propertyClassPrefixes.get(name)! } : {}),
    methods: declarations.methods.get(name) ?? new Set(),
    ...(declarations.classProperties.has(name) ? { constructed: declarations.classProperties.get(name)! } : {}),
    traits: declarations.traits.get(name) ?? [],
    returns: declarations.methodReturns.get(name) ?? new Map(),
    byRef: new Map(
      [...declarations.byRef].flatMap(([key, indices]) =>
        key.startsWith(`${name}::`) ? [[key.slice(name.length + 2), indices] as const] : [],
      ),
    ),
  }));
  return { file, functions: [...declarations.functions], classes, constants: declarations.constants,
    ...(declarations.topLevelFunctions.size > 0 ? { topLevelFunctions: [...declarations.topLevelFunctions] } : {}),
    ...(declarations.computedDefines ? { computedDefines: true } : {}),
    ...(declarations.fallbackDefines.size > 0 ? { fallbackDefines: [...declarations.fallbackDefines] } : {}),
    ...(declarations.literalCalls.length > 0 ? { literalCalls: declarations.literalCalls } : {}), functionReturns: declarations.functionReturns,
    functionByRef: new Map([...declarations.byRef].filter(([key]) => !key.includes('::'))), includes: declarations.includes,
    ...(declarations.restoredRefs.size > 0 ? { restoredReferences: declarations.restoredRefs } : {}),
    ...(declarations.includePathSets.length > 0 ? { includePathSets: declarations.includePathSets } : {}), headerComment: declarations.comments[0]?.node.text ?? '',
    settings: declarations.settings, pureFunctions: declarations.pureFunctions,
    ...([...declarations.truthyStringFunctions.values()].some((when) => when !== null) ? { truthyStringFunctions: declarations.truthyStringFunctions } : {}),
    ...(declarations.constructions.length > 0 ? { constructions: declarations.constructions } : {}),
    ...(declarations.looseWrites.size > 0 ? { looseWrites: [...declarations.looseWrites].sort() } : {}),
    ...(declarations.includeHelpers.helpers.size > 0 ? { includeHelpers: declarations.includeHelpers.helpers } : {}),
    ...(declarations.includeHelpers.globals.size > 0 ? { globals: declarations.includeHelpers.globals } : {}),
    ...(declarations.includeHelpers.globalClasses.size > 0 ? { globalClasses: declarations.includeHelpers.globalClasses } : {}),
    ...(declarations.shippedDefaults.size > 0 ? { shippedDefaults: declarations.shippedDefaults } : {}),
    ...(declarations.settingAccessors.size > 0 ? { settingAccessors: declarations.settingAccessors } : {}) };
}

const NOT_CLASSES = new Set(['string', 'int', 'integer', 'float', 'bool', 'boolean', 'array', 'mixed', 'object',
  'callable', 'iterable', 'null', 'void', 'self', 'static', 'false', 'true', 'resource', 'never']);

/** `session()` or `Services::session()` (a named function or a static method of a named class). */
function assignedCall(node: SyntaxNode, region: NameScope): AssignedCall | undefined {
  if (node.type === 'function_call_expression') {
    const callee = node.childForFieldName('function');
    if (callee?.type === 'name' || callee?.type === 'qualified_name') return { type: 'function', candidates: region.functionCandidates(callee.text) };
  }
  if (node.type === 'scoped_call_expression') {
    const scope = node.childForFieldName('scope');
    const name = node.childForFieldName('name');
    if ((scope?.type === 'name' || scope?.type === 'qualified_name') && name?.type === 'name') {
      return { type: 'static', className: region.resolveClass(scope.text), method: name.text.toLowerCase() };
    }
  }
  return undefined;
}

/** Positions of `&$param` parameters of a function or method. */
function byRefPositions(node: SyntaxNode): number[] {
  const positions: number[] = [];
  const parameters = node.childForFieldName('parameters')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
  parameters.forEach((parameter, index) => {
    if (parameter.childForFieldName('reference_modifier') || parameter.namedChildren.some((c) => c?.type === 'reference_modifier')) positions.push(index);
  });
  return positions;
}

/** The class in a `@var Foo|null` docblock, if there is one. */
function docblockVarType(comment: string): string | undefined {
  return docblockTag(comment, '@var');
}

/** The first type named by a docblock tag (`@var Foo|null`, `@return Bar`), if a class. */
function docblockTag(comment: string, tag: string): string | undefined {
  const at = comment.indexOf(tag);
  if (at === -1) return undefined;
  const rest = comment.slice(at + tag.length).trimStart();
  let end = 0;
  while (end < rest.length && !' \t\r\n*|'.includes(rest[end]!)) end++;
  const written = rest.slice(0, end);
  const type = written.startsWith('?') ? written.slice(1) : written;
  return type && !NOT_CLASSES.has(type.toLowerCase()) && !type.startsWith('$') ? type : undefined;
}

/**
 * A method's attributes (`#[UseSession]`, resolved like class names) and the tags of the
 * docblock right above it (`@UseSession` → `@usesession`), with where each is written.
 */
function methodAnnotations(node: SyntaxNode, region: NameScope, file: string): { name: string; span: Span }[] {
  const found: { name: string; span: Span }[] = [];
  for (const attribute of node.childForFieldName('attributes')?.descendantsOfType('attribute') ?? []) {
    const name = attribute?.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name');
    if (attribute && name) found.push({ name: region.resolveClass(name.text), span: { file, start: attribute.startIndex, end: attribute.endIndex } });
  }
  const docblock = node.previousNamedSibling;
  if (docblock?.type === 'comment' && docblock.text.startsWith('/**')) {
    // Docblock tags: `@` starting a word, up to the next space, `(` or `*`.
    const text = docblock.text;
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      if (at > 0 && !' \t*'.includes(text[at - 1]!)) continue;
      let end = at + 1;
      while (end < text.length && !' \t\r\n*(/'.includes(text[end]!)) end++;
      if (end > at + 1) found.push({ name: text.slice(at, end).toLowerCase(), span: { file, start: docblock.startIndex + at, end: docblock.startIndex + end } });
    }
  }
  return found;
}

function methodVisibility(node: SyntaxNode): 'public' | 'protected' | 'private' {
  const written = node.namedChildren.find((c) => c?.type === 'visibility_modifier')?.text.toLowerCase();
  return written === 'protected' || written === 'private' ? written : 'public';
}

/** How many arguments a call must pass: the parameters with no default that are not variadic. */
function requiredParameters(node: SyntaxNode): number {
  const parameters = node.childForFieldName('parameters')?.namedChildren ?? [];
  return parameters.filter((p) => p !== null && p.type !== 'variadic_parameter' && !p.childForFieldName('default_value')).length;
}

const CLASS_LIKE = new Set(['class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration', 'anonymous_class']);

interface Frame {
  readonly node: SyntaxNode;
  readonly className?: string;
  readonly classDisplay?: string;
}

/** Declarations with nothing found yet (`looseWrites` and `settings` are the whole file's). */
export function emptyDeclarations(looseWrites: Set<string>, settings: FileSymbols['settings']): FileDeclarations {
  return {
    units: [],
    functions: new Set(),
    topLevelFunctions: new Set(),
    classes: new Map(),
    classSpans: new Map(),
    comments: [],
    statementScopes: new Map(),
    propertyTypes: new Map(),
    propertyCalls: new Map(),
    propertyClassPrefixes: new Map(),
    methods: new Map(),
    traits: new Map(),
    interfaces: new Map(),
    abstractMethods: new Map(),
    abstractClasses: new Set(),
    methodReturns: new Map(),
    functionReturns: new Map(),
    byRef: new Map(),
    restoredRefs: new Map(),
    classProperties: new Map(),
    constructions: [],
    looseWrites,
    constants: new Map(),
    computedDefines: false,
    fallbackDefines: new Set(),
    literalCalls: [],
    includes: [],
    includePathSets: [],
    settings,
    pureFunctions: new Map(),
    truthyStringFunctions: new Map(),
    includeHelpers: emptyIncludeHelpers(),
    shippedDefaults: new Map(),
    settingAccessors: new Map(),
  };
}

/**
 * One pass over the tree that finds every unit, class and comment, and the namespace and
 * imports each one sees. Iterative, so deeply nested code cannot overflow the stack.
 */
export function collectDeclarations(root: SyntaxNode, file: string, reuse?: DeclarationReuse): FileDeclarations {
  const result = emptyDeclarations(new Set(writtenProperties(root)), topLevelSettings(root, file));
  declareShippedDefaults(root, result.shippedDefaults);
  const variableValues: VariableCache = new Map();
  const setProperty = (into: FileDeclarations, className: string | undefined, property: string, type: string): void => {
    if (!className) return;
    let properties = into.propertyTypes.get(className);
    if (!properties) into.propertyTypes.set(className, (properties = new Map()));
    if (!properties.has(property)) properties.set(property, type);
  };
  /** The class a function or method returns: its declared type, else a `@return` docblock. */
  const returnType = (node: SyntaxNode, region: NameScope, className: string | undefined): string | undefined => {
    const declared = node.childForFieldName('return_type');
    const inner = declared?.type === 'optional_type' ? declared.namedChild(0) : declared;
    const written = inner?.type === 'named_type' ? inner.namedChild(0)?.text : undefined;
    const fromDoc = written === undefined && node.previousNamedSibling?.type === 'comment' ? docblockTag(node.previousNamedSibling.text, '@return') : undefined;
    const type = written ?? fromDoc;
    if (!type) return undefined;
    const lower = type.toLowerCase();
    // `static` (and `$this`) is the class the method is called on, which a subclass changes:
    // kept as written, for `ProjectSymbols.methodReturnType` to resolve per receiver.
    if (lower === 'static' || lower === '$this') return className === undefined ? undefined : 'static';
    if (lower === 'self') return className;
    return NOT_CLASSES.has(lower) ? undefined : region.resolveClass(type);
  };
  const namedType = (node: SyntaxNode | null, region: NameScope): string | undefined => {
    const inner = node?.type === 'optional_type' ? node.namedChild(0) : node;
    if (inner?.type !== 'named_type') return undefined;
    const name = inner.namedChild(0);
    return name ? region.resolveClass(name.text) : undefined;
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
      if (reuse && keepsDeclarations(child)) declareStatement(child, scope, reuse);
      else walk(child, scope);
    }
  };

  /**
   * A declaring statement when a language server keeps them (`declaration-reuse.ts`): what an
   * earlier tree's walk found in the same statement, moved here, else its walk now, kept for
   * the next tree. Either way added as its walk into `result` would have.
   */
  const declareStatement = (statement: PlainNode, region: NameScope, kept: DeclarationReuse): void => {
    const key = statementKey(statement, scopeState(region));
    const earlier = kept.earlier.get(key);
    const moved = earlier && relocated(earlier, statement, file, region);
    if (earlier && moved && mergeDeclarations(result, moved)) {
      kept.now.set(key, earlier);
      return;
    }
    kept.walked = (kept.walked ?? 0) + 1;
    const found = emptyDeclarations(new Set(), new Map());
    walk(statement, region, found);
    if (!mergeDeclarations(result, found)) {
      walk(statement, region);
      return;
    }
    const record = recordOf(statement, file, found);
    if (record) kept.now.set(key, record);
  };

  const walk = (start: SyntaxNode, region: NameScope, into: FileDeclarations = result): void => {
    const stack: Frame[] = [{ node: start }];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const { node } = frame;
      let className = frame.className;
      let classDisplay = frame.classDisplay;
      switch (node.type) {
        case 'comment':
          into.comments.push({ node });
          continue;
        case 'function_definition': {
          const written = node.childForFieldName('name')?.text ?? '';
          const name = region.qualify(written.toLowerCase());
          into.functions.add(name);
          if (node.parent?.type === 'program') into.topLevelFunctions.add(name);
          const returned = returnType(node, region, undefined);
          if (returned) into.functionReturns.set(name, returned);
          const references = byRefPositions(node);
          if (references.length > 0) into.byRef.set(name, references);
          const restored = restoredReferences(node, references);
          if (restored.length > 0) into.restoredRefs.set(name, restored);
          // Declared twice in one file (under `if (!function_exists())`): pure only if both are the same.
          const pure = pureFunctionOf(node) ?? null;
          const before = into.pureFunctions.get(name);
          into.pureFunctions.set(name, before === undefined || samePure(before, pure) ? pure : null);
          // Declared twice in one file: only if both return such strings.
          into.truthyStringFunctions.set(name, bothTruthy(into.truthyStringFunctions.get(name), returnsTruthyWhen(node, region) ?? null));
          into.units.push({ kind: 'function', node, scope: region, name, display: `${written}()` });
          if (className === undefined) for (const property of writtenProperties(node)) into.looseWrites.add(property);
          declareFunctionHelper(node, name, file, into.includeHelpers);
          declareDocumentedGlobalClasses(node, region, into.includeHelpers);
          const accessor = settingAccessorOf(node, region, undefined);
          if (accessor) into.settingAccessors.set(name, accessor);
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
            annotations: methodAnnotations(node, region, file),
            visibility: methodVisibility(node),
            requiredParameters: requiredParameters(node),
          };
          if (!node.childForFieldName('body') && className !== undefined) {
            let declared = into.abstractMethods.get(className);
            if (!declared) into.abstractMethods.set(className, (declared = new Set()));
            declared.add(written.toLowerCase());
          }
          if (node.childForFieldName('body')) {
            into.units.push(unit);
            declareFunctionHelper(node, undefined, file, into.includeHelpers);
            declareDocumentedGlobalClasses(node, region, into.includeHelpers);
            const accessor = className !== undefined ? settingAccessorOf(node, region, className) : undefined;
            if (accessor) into.settingAccessors.set(`${className}::${written.toLowerCase()}`, accessor);
            if (className !== undefined) {
              const key = `${className}::${written.toLowerCase()}`;
              into.truthyStringFunctions.set(key, bothTruthy(into.truthyStringFunctions.get(key), returnsTruthyWhen(node, region, className) ?? null));
            }
          }
          if (className !== undefined) {
            let methods = into.methods.get(className);
            if (!methods) into.methods.set(className, (methods = new Set()));
            methods.add(written.toLowerCase());
            const references = byRefPositions(node);
            if (references.length > 0) into.byRef.set(`${className}::${written.toLowerCase()}`, references);
            const restored = node.childForFieldName('body') ? restoredReferences(node, references) : [];
            if (restored.length > 0) into.restoredRefs.set(`${className}::${written.toLowerCase()}`, restored);
            const returned = returnType(node, region, className) ?? returnedClass(node, region, className);
            if (returned) {
              let returns = into.methodReturns.get(className);
              if (!returns) into.methodReturns.set(className, (returns = new Map()));
              returns.set(written.toLowerCase(), returned);
            }
          }
          break;
        }
        case 'use_declaration': {
          // `use SomeTrait;` inside a class: its methods are the class's.
          if (className !== undefined) {
            const names = node.namedChildren.filter((c): c is SyntaxNode => c?.type === 'name' || c?.type === 'qualified_name');
            into.traits.set(className, [...(into.traits.get(className) ?? []), ...names.map((n) => region.resolveClass(n.text))]);
          }
          break;
        }
        case 'property_declaration': {
          const previous = node.previousNamedSibling;
          const docType = previous?.type === 'comment' ? docblockVarType(previous.text) : undefined;
          const type = namedType(node.childForFieldName('type'), region) ?? (docType ? region.resolveClass(docType) : undefined);
          if (type) {
            for (const element of node.namedChildren) {
              const name = element?.type === 'property_element' ? element.childForFieldName('name')?.namedChild(0)?.text : undefined;
              if (name) setProperty(into, className, name, type);
            }
          }
          break;
        }
        case 'property_promotion_parameter': {
          const type = namedType(node.childForFieldName('type'), region);
          const name = node.childForFieldName('name')?.namedChild(0)?.text;
          if (type && name) setProperty(into, className, name, type);
          break;
        }
        case 'assignment_expression': {
          // `$this->http = new Client(...)`: the property holds a Client.
          const left = node.childForFieldName('left');
          const right = node.childForFieldName('right');
          if (left?.type === 'member_access_expression' && left.childForFieldName('object')?.text === '$this' && right?.type === 'object_creation_expression') {
            const property = left.childForFieldName('name');
            const classNode = right.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name');
            if (property?.type === 'name' && classNode) setProperty(into, className, property.text, region.resolveClass(classNode.text));
            // `new $alib(…)`: the classes whose names fit what `$alib` is assigned, by their literal start.
            const prefixes = property?.type === 'name' && !classNode && className !== undefined ? constructedPrefixes(right, className) : undefined;
            if (prefixes) {
              let known = into.propertyClassPrefixes.get(className!);
              if (!known) into.propertyClassPrefixes.set(className!, (known = new Map()));
              if (!known.has(property!.text)) known.set(property!.text, prefixes);
            }
          }
          // `$this->session = \Config\Services::session()`: typed by what the call returns.
          if (left?.type === 'member_access_expression' && left.childForFieldName('object')?.text === '$this' && className !== undefined) {
            const property = left.childForFieldName('name');
            const call = right ? assignedCall(right, region) : undefined;
            if (property?.type === 'name' && call) {
              let calls = into.propertyCalls.get(className);
              if (!calls) into.propertyCalls.set(className, (calls = new Map()));
              if (!calls.has(property.text)) calls.set(property.text, call);
            }
          }
          break;
        }
        case 'function_call_expression': {
          const callee = node.childForFieldName('function');
          const literal = node.parent?.type === 'expression_statement' ? literalCallOf(node, file) : undefined;
          if (literal) into.literalCalls.push(literal);
          const includePath = includePathSetBy(node, file, variableValues);
          if (includePath) into.includePathSets.push(includePath);
          if (callee?.type === 'name' && callee.text.toLowerCase() === 'define') {
            const args = callArguments(node);
            const name = args[0] ? literalString(args[0].namedChild(0) ?? args[0]) : undefined;
            // `define('ROOT', $root)`, `define('ROOT', str_replace('\\', '/', $here . '/'))`: each
            // variable read has the value it has on every path, when it is one.
            if (name && args[1] && !into.constants.has(name)) {
              into.constants.set(name, evaluateWithVariables(args[1], file, variableValues));
              if (isFallbackDefine(node, name)) into.fallbackDefines.add(name);
            }
            if (!name && args[0]) into.computedDefines = true;
          }
          break;
        }
        case 'include_expression':
        case 'include_once_expression':
        case 'require_expression':
        case 'require_once_expression':
          into.includes.push(assignedSkeletonPath(node.namedChild(0), file) ?? evaluateStatic(node.namedChild(0), file));
          break;
        case 'const_element': {
          const [nameNode, value] = node.namedChildren;
          if (!className && nameNode?.type === 'name' && value) {
            const name = region.namespace ? `${region.namespace}\\${nameNode.text}` : nameNode.text;
            if (!into.constants.has(name)) into.constants.set(name, evaluateStatic(value, file));
          }
          break;
        }
        case 'object_creation_expression': {
          const parentName = className !== undefined ? into.classes.get(className) || undefined : undefined;
          const construction = constructionOf(node, (written) => region.resolveClass(written), className, parentName);
          if (construction) into.constructions.push(construction);
          break;
        }
        case 'anonymous_function':
        case 'arrow_function':
          into.units.push({ kind: 'closure', node, scope: region, ...(className !== undefined ? { className } : {}) });
          break;
        default:
          if (CLASS_LIKE.has(node.type)) {
            const written = node.childForFieldName('name')?.text;
            className = written ? region.qualify(written.toLowerCase()) : `class@${node.startIndex}`;
            classDisplay = written ?? 'class@anonymous';
            const base = node.namedChildren.find((c) => c?.type === 'base_clause');
            const parentName = base?.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name');
            into.classes.set(className, parentName ? region.resolveClass(parentName.text) : '');
            const implemented = node.namedChildren.find((c) => c?.type === 'class_interface_clause');
            const named = (clause: SyntaxNode | null | undefined): SyntaxNode[] =>
              (clause?.namedChildren ?? []).filter((c): c is SyntaxNode => c?.type === 'name' || c?.type === 'qualified_name');
            // `interface A extends B, C`: the first is its parent, the others are implemented as well.
            const interfaces = [...(node.type === 'interface_declaration' ? named(base).slice(1) : []), ...named(implemented)].map((c) => region.resolveClass(c.text));
            if (interfaces.length > 0) into.interfaces.set(className, interfaces);
            into.classSpans.set(className, { file, start: node.startIndex, end: node.endIndex });
            const abstract = node.type === 'interface_declaration' || node.type === 'trait_declaration' || node.namedChildren.some((c) => c?.type === 'abstract_modifier');
            if (abstract) into.abstractClasses.add(className);
            // An interface, a trait or an enum is never built by `new`: it reads nothing.
            const inputs = node.type === 'class_declaration' ? constructorInputs(node, region, className, parentName ? region.resolveClass(parentName.text) : undefined) : { calls: [], builds: [], probes: [] };
            into.classProperties.set(className, { ...classProperties(node, written), inputs });
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
  declareTopLevelGlobals(root, file, result.includeHelpers);
  declareGlobalClasses(root, (statement) => result.statementScopes.get(statement.id), result.includeHelpers);
  return result;
}

/**
 * `if (!defined('X')) define('X', …)` or `defined('X') || define('X', …)`: the file defines `X`
 * only where no file that ran before it did, so another file's definition comes first.
 */
function isFallbackDefine(call: SyntaxNode, name: string): boolean {
  const testsDefined = (node: SyntaxNode | null | undefined): boolean => {
    if (node?.type !== 'function_call_expression' || node.childForFieldName('function')?.text.toLowerCase() !== 'defined') return false;
    const argument = node.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'argument');
    return argument !== undefined && argument !== null && literalString(argument.namedChild(0) ?? argument) === name;
  };
  const unwrap = (node: SyntaxNode | null | undefined): SyntaxNode | null | undefined => {
    let inner = node;
    while (inner?.type === 'parenthesized_expression') inner = inner.namedChild(0);
    return inner;
  };
  let node: SyntaxNode = call;
  // `defined('X') || define('X', …)` (or `or`): the define runs only when `X` is not defined.
  const parent = node.parent;
  if (parent?.type === 'binary_expression' && ['||', 'or'].includes(parent.childForFieldName('operator')?.text.toLowerCase() ?? '')) {
    return parent.childForFieldName('right')?.id === node.id && testsDefined(unwrap(parent.childForFieldName('left')));
  }
  // The define as a statement, directly or alone in a block, under `if (!defined('X'))`.
  for (let depth = 0; depth < 3 && node.parent; depth++) {
    node = node.parent;
    if (node.type === 'if_statement') {
      const condition = unwrap(node.childForFieldName('condition'));
      return condition?.type === 'unary_op_expression' && condition.child(0)?.text === '!' && testsDefined(unwrap(condition.namedChild(0)));
    }
    if (node.type !== 'expression_statement' && node.type !== 'compound_statement') return false;
  }
  return false;
}

/**
 * `require_api('authentication_api.php');`: a call of a function by name, as a statement, whose
 * arguments are all known. If the function is an include helper, the file it includes is one
 * the project needs (read through the host when it was not given).
 */
function literalCallOf(node: SyntaxNode, file: string): { name: string; args: StaticString[] } | undefined {
  const callee = node.childForFieldName('function');
  if (callee?.type !== 'name' && callee?.type !== 'qualified_name') return undefined;
  const args: StaticString[] = [];
  for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg?.type !== 'argument' || arg.childForFieldName('name')) return undefined;
    const value = evaluateStatic(arg.namedChild(0) ?? arg, file);
    if (value.some((part) => 'unknown' in part)) return undefined;
    args.push(value);
  }
  if (args.length === 0) return undefined;
  return { name: stripLeadingBackslash(callee.text).toLowerCase(), args };
}
