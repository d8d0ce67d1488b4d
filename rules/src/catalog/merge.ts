import type { ApiEntry, BootstrapInclude, Catalog, ContainerService } from '../../../core/src';

/**
 * Layers catalogs: later ones add functions and methods and override entries of the same
 * name (a framework preset over native PHP, the user's configuration over both).
 */
export function mergeCatalogs(base: Catalog, ...layers: readonly CatalogLayer[]): Catalog {
  const functions: Record<string, ApiEntry> = { ...base.functions };
  const methods: Record<string, Record<string, ApiEntry>> = {};
  for (const [cls, entries] of Object.entries(base.methods)) methods[cls] = { ...entries };
  const classParents: Record<string, string> = { ...(base.classParents ?? {}) };
  const properties: Record<string, Record<string, string>> = {};
  for (const [cls, entries] of Object.entries(base.properties ?? {})) properties[cls] = { ...entries };
  const bootstrapIncludes = [...(base.bootstrapIncludes ?? [])];
  // Copied with spreads (own data properties), never assigned: an id may be `__proto__`.
  let services: Record<string, ContainerService> = { ...(base.services ?? {}) };
  for (const layer of layers) {
    Object.assign(functions, layer.functions ?? {});
    for (const [cls, entries] of Object.entries(layer.methods ?? {})) methods[cls] = { ...(methods[cls] ?? {}), ...entries };
    Object.assign(classParents, layer.classParents ?? {});
    for (const [cls, entries] of Object.entries(layer.properties ?? {})) properties[cls] = { ...(properties[cls] ?? {}), ...entries };
    bootstrapIncludes.push(...(layer.bootstrapIncludes ?? []));
    services = { ...services, ...(layer.services ?? {}) };
  }
  return { ...base, functions, methods, classParents, properties, bootstrapIncludes, ...(Object.keys(services).length > 0 ? { services } : {}) };
}

/** The part of a catalog a preset or the configuration adds. Names are lower-case. */
export interface CatalogLayer {
  readonly functions?: Readonly<Record<string, ApiEntry>>;
  readonly methods?: Readonly<Record<string, Readonly<Record<string, ApiEntry>>>>;
  readonly classParents?: Readonly<Record<string, string>>;
  /** Property types of library classes (`$this->request` in a CakePHP controller). */
  readonly properties?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly bootstrapIncludes?: readonly BootstrapInclude[];
  /** The project's container services, by id (`../services/`). */
  readonly services?: Readonly<Record<string, ContainerService>>;
}

/** The last merge `mergedCatalog` made: its inputs (by identity) and its result. */
let lastMerge: { readonly inputs: readonly object[]; readonly catalog: Catalog } | undefined;

/**
 * `mergeCatalogs` of the same base and layers (the same objects) gives the catalog it gave
 * before, the same object: a language server analyses its project again on every keystroke,
 * and the merged catalog is hashed once per object (`hashOfFrozen`, for the lowering's cache key
 * and the kept flow and rules' context), a whole-catalog hash each time it is made anew.
 * Exact: the merge reads only its inputs, which are never changed after they are made, and
 * nothing changes the merged catalog.
 */
export function mergedCatalog(base: Catalog, ...layers: readonly CatalogLayer[]): Catalog {
  const inputs = [base, ...layers];
  if (lastMerge && lastMerge.inputs.length === inputs.length && lastMerge.inputs.every((input, i) => input === inputs[i])) return lastMerge.catalog;
  const catalog = mergeCatalogs(base, ...layers);
  lastMerge = { inputs, catalog };
  return catalog;
}
