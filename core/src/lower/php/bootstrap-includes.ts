import type { BootstrapInclude } from '../../catalog';
import { NESTED_DECLARATIONS } from './unit-scope';
import type { Cursor } from '../../ir/cfg-builder';
import type { StaticString } from '../../ir/static-string';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { literalString } from './session-access';
import { fullyKnown } from './static-string';
import { normalizePath } from '../../flow/include-paths';
import { callArguments } from './literals';

/**
 * `require_once(__DIR__ . '/../../config.php')` in a Moodle page, `require_once 'lib/base.php'`
 * in an ownCloud script: the framework's bootstrap starts the session, so the including unit
 * has it open from here on, even when the framework's own code is not analysed. The open is
 * lazy: when the bootstrap is analysed and opens the session itself, this adds nothing. An
 * include whose path is a file of the project (a plugin's own `config.php`) is that file, not
 * the framework's bootstrap: it is followed like any include.
 */
export function emitBootstrapOpen(ctx: UnitContext, node: SyntaxNode, path: StaticString, display: string, cursor: Cursor): Cursor {
  const bootstrap = matchingBootstrap(ctx.catalog.bootstrapIncludes ?? [], path);
  if (!bootstrap) return cursor;
  // A file of the project by that name (a plugin's own `config.php`) is followed as it is.
  const known = fullyKnown(path);
  if (known !== undefined && ctx.facts.symbols.files.has(normalizePath(known))) return cursor;
  if (bootstrap.unlessDefined?.some((name) => definedBefore(ctx, name, node.startIndex))) return cursor;
  const readOnly = bootstrap.readOnlyIfDefined?.some((name) => definedBefore(ctx, name, node.startIndex)) ?? false;
  return ctx.emit(cursor, {
    kind: 'open',
    resource: bootstrap.resource,
    mode: readOnly ? 'read-and-close' : 'lock',
    api: display,
    span: ctx.span(node),
    lazy: true,
    bootstrap: true,
    label: `session opened here by \`${display}\`: ${bootstrap.label}`,
    ...(bootstrap.closeCall ? { closeCall: bootstrap.closeCall } : {}),
    ...(bootstrap.closeCaveat ? { closeCaveat: bootstrap.closeCaveat } : {}),
  });
}

/** The bootstrap whose path the include's literal end names (`…/../config.php` ends with `config.php`). */
function matchingBootstrap(bootstraps: readonly BootstrapInclude[], path: StaticString): BootstrapInclude | undefined {
  let tail = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i]!;
    if (!('text' in part)) break;
    tail = part.text + tail;
  }
  if (tail === '') return undefined;
  return bootstraps.find((b) => tail === b.pathEndsWith || tail.endsWith(`/${b.pathEndsWith}`));
}

/**
 * True when the unit calls `define('NAME', value)` before `offset` with a value that is not a
 * literal false (`define('NO_MOODLE_COOKIES', true)` above the `require`). Source order is
 * execution order at a script's top level, where these definitions are written.
 */
function definedBefore(ctx: UnitContext, name: string, offset: number): boolean {
  return ctx.definitions().some((d) => d.name === name && d.start < offset && d.truthy);
}

/** The `define()` calls of a unit's own body (not of functions declared in it). */
export function collectDefinitions(unitNode: SyntaxNode): { name: string; start: number; truthy: boolean }[] {
  const found: { name: string; start: number; truthy: boolean }[] = [];
  const stack: SyntaxNode[] = [unitNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== unitNode && NESTED_DECLARATIONS.has(node.type)) continue;
    if (node.type === 'function_call_expression' && node.childForFieldName('function')?.text.toLowerCase().replace(/^\\/, '') === 'define') {
      const args = callArguments(node);
      const nameNode = args[0]?.namedChild(0);
      const name = nameNode ? literalString(nameNode) : undefined;
      const value = args[1]?.namedChild(0)?.text.toLowerCase();
      if (name) found.push({ name, start: node.startIndex, truthy: value !== undefined && value !== 'false' && value !== '0' && value !== 'null' });
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return found;
}

