import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';
import type { ServiceDefinition, ServiceDefinitions } from './definition';

/**
 * Symfony's YAML service definitions: a top-level `services:` mapping of ids to a mapping
 * (`class:`, `alias:`, `shared:`, `factory:`), to `'@other'` (an alias), or to nothing (`~`:
 * the id is the class name). `_defaults`, `_instanceof` and prototypes (`resource:`) are not
 * entries. A document that does not parse, or has no `services:` mapping, gives nothing.
 */
export function yamlServiceDefinitions(text: string): ServiceDefinitions | undefined {
  let document: unknown;
  try {
    document = load(text, { schema: TOLERANT_SCHEMA, json: true, onWarning: () => undefined });
  } catch {
    return undefined;
  }
  if (!isMapping(document) || !isMapping(document.services)) return undefined;
  const services: ServiceDefinition[] = [];
  for (const [id, value] of Object.entries(document.services)) {
    if (id.startsWith('_')) continue;
    const definition = serviceOf(id, value);
    if (definition) services.push(definition);
  }
  const parameters = new Map<string, string>();
  if (isMapping(document.parameters)) {
    for (const [key, value] of Object.entries(document.parameters)) if (typeof value === 'string') parameters.set(key, value);
  }
  return { services, parameters };
}

/**
 * Symfony's own tags (`!tagged_iterator`, `!service_locator`, `!php/const`) read as the value
 * they tag, so a file that uses them still parses; nothing is constructed from a tag.
 */
const TOLERANT_SCHEMA = DEFAULT_SCHEMA.extend(
  (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type('!', { kind, multi: true, construct: (data: unknown) => data })),
);

function serviceOf(id: string, value: unknown): ServiceDefinition | undefined {
  if (value === null || value === undefined) return { id, shared: true, factory: false };
  if (typeof value === 'string') return value.startsWith('@') ? { id, alias: value.slice(1), shared: true, factory: false } : undefined;
  if (!isMapping(value) || value.resource !== undefined) return undefined;
  return {
    id,
    ...(typeof value.class === 'string' ? { className: value.class } : {}),
    ...(typeof value.alias === 'string' ? { alias: value.alias } : {}),
    shared: value.shared !== false,
    factory: value.factory !== undefined,
  };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
