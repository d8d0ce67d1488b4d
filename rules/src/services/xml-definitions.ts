import * as sax from 'sax';
import type { ServiceDefinition, ServiceDefinitions } from './definition';

/**
 * Symfony's XML service definitions (`<container><services><service id="…" class="…"/>`).
 * Only a document whose root is `<container>` counts; services nested in an argument (inline,
 * without an id) and prototypes (`<prototype namespace resource>`) are not entries. Malformed
 * XML gives what was read before the error (never an exception).
 */
export function xmlServiceDefinitions(text: string): ServiceDefinitions | undefined {
  const parser = sax.parser(true, { trim: true, xmlns: false, position: false });
  const services: ServiceDefinition[] = [];
  const parameters = new Map<string, string>();
  const path: string[] = [];
  let root: string | undefined;
  let current: { id: string; className?: string; alias?: string; shared: boolean; factory: boolean } | undefined;
  let parameterKey: string | undefined;
  let parameterText = '';
  let failed = false;
  parser.onerror = () => {
    failed = true;
  };
  parser.onopentag = (tag) => {
    const name = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    root ??= name;
    const parent = path[path.length - 1];
    if (name === 'service' && parent === 'services' && path.length === 2 && typeof attributes.id === 'string') {
      current = {
        id: attributes.id,
        ...(attributes.class ? { className: attributes.class } : {}),
        ...(attributes.alias ? { alias: attributes.alias } : {}),
        shared: attributes.shared !== 'false' && attributes.scope !== 'prototype',
        factory: attributes['factory-class'] !== undefined || attributes['factory-service'] !== undefined || attributes['factory-method'] !== undefined,
      };
    } else if (name === 'factory' && current && path.length === 3) {
      current.factory = true;
    } else if (name === 'parameter' && parent === 'parameters' && path.length === 2 && typeof attributes.key === 'string' && attributes.type === undefined) {
      parameterKey = attributes.key;
      parameterText = '';
    }
    path.push(name);
  };
  parser.ontext = (value) => {
    if (parameterKey !== undefined) parameterText += value;
  };
  parser.onclosetag = (tagName) => {
    const name = localName(tagName);
    path.pop();
    if (name === 'service' && current && path.length === 2) {
      services.push(current);
      current = undefined;
    } else if (name === 'parameter' && parameterKey !== undefined && path.length === 2) {
      parameters.set(parameterKey, parameterText);
      parameterKey = undefined;
    }
  };
  try {
    parser.write(text).close();
  } catch {
    failed = true;
  }
  if (root !== 'container') return undefined;
  void failed; // what was read before an error stands
  return { services, parameters };
}

/** `srv:service` → `service`. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
