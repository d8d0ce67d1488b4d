import type { ContainerService } from '../../../core/src';
import type { ProjectHost } from '../api';
import { readServiceDefinitions } from './definition-files';
import { projectServices } from './project-services';

/**
 * The services of the project's dependency-injection container, by id (see README), and a
 * note when the bound on definitions files cut the reading.
 */
export function containerServices(host: ProjectHost | undefined, phpFiles: readonly string[]): { readonly services: Record<string, ContainerService>; readonly note?: string } {
  if (!host) return { services: {} };
  const { definitions, cut } = readServiceDefinitions(host, phpFiles);
  const services = projectServices(definitions);
  return cut ? { services, note: 'container service definitions: more than 200 XML/YAML files in config folders; the others were not read' } : { services };
}
