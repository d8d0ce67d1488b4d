import type { ContainerService } from '../../../core/src';
import type { ServiceDefinition, ServiceDefinitions } from './definition';

/** Aliases followed at most this far (a longer chain, or a loop, names nothing). */
const MAX_ALIAS_DEPTH = 8;

/**
 * The container services of a project, by id, from all its definitions files: each id's class
 * (a parameter `%name%` replaced by its literal value; an alias followed to its service; an id
 * without a class is the class name), lower-case and without a leading backslash. An id whose
 * class cannot be known, or that two files give different classes, is left out: a call that
 * names it stays unresolved.
 */
export function projectServices(files: readonly ServiceDefinitions[]): Record<string, ContainerService> {
  const parameters = new Map<string, string>();
  for (const file of files) for (const [key, value] of file.parameters) parameters.set(key, value);
  const definitions = new Map<string, ServiceDefinition | null>();
  for (const file of files) {
    for (const service of file.services) {
      const earlier = definitions.get(service.id);
      definitions.set(service.id, earlier === undefined || sameDefinition(earlier, service) ? service : null);
    }
  }
  // No prototype: an id is any string, `__proto__` included.
  const services: Record<string, ContainerService> = Object.create(null) as Record<string, ContainerService>;
  for (const id of definitions.keys()) {
    const service = resolve(id, definitions, parameters, 0);
    if (!service) continue;
    services[id] = service;
    // `get(Mailer::class)` is written with the class name in any case.
    if (id.includes('\\')) services[normalClass(id)] ??= service;
  }
  return services;
}

function resolve(
  id: string,
  definitions: ReadonlyMap<string, ServiceDefinition | null>,
  parameters: ReadonlyMap<string, string>,
  depth: number,
): ContainerService | undefined {
  const definition = definitions.get(id);
  if (!definition || depth > MAX_ALIAS_DEPTH) return undefined;
  if (definition.alias !== undefined) return resolve(definition.alias, definitions, parameters, depth + 1);
  const written = definition.className ?? (definition.id.includes('\\') ? definition.id : undefined);
  const className = written === undefined ? undefined : withParameters(written, parameters);
  if (className === undefined || !isClassName(className)) return undefined;
  return { className: normalClass(className), shared: definition.shared, constructed: !definition.factory };
}

/** `%mailer.class%` → its value; a parameter that is not a literal string names nothing. */
function withParameters(written: string, parameters: ReadonlyMap<string, string>): string | undefined {
  if (!written.includes('%')) return written;
  const name = written.length > 2 && written.startsWith('%') && written.endsWith('%') ? written.slice(1, -1) : undefined;
  const value = name === undefined || name.includes('%') ? undefined : parameters.get(name);
  return value === undefined || value.includes('%') ? undefined : value;
}

/** A PHP class name (`App\\Mailer`, `\\Twig_Environment`): names separated by backslashes. */
function isClassName(text: string): boolean {
  const parts = (text.startsWith('\\') ? text.slice(1) : text).split('\\');
  return parts.every((part) => part.length > 0 && !isDigit(part[0]!) && [...part].every((c) => c === '_' || isDigit(c) || c.toLowerCase() !== c.toUpperCase() || c.charCodeAt(0) >= 0x80));
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function normalClass(name: string): string {
  return (name.startsWith('\\') ? name.slice(1) : name).toLowerCase();
}

function sameDefinition(a: ServiceDefinition | null, b: ServiceDefinition): boolean {
  return a !== null && a.className === b.className && a.alias === b.alias && a.shared === b.shared && a.factory === b.factory;
}
