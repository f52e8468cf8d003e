import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotImplementedError } from '@backstage/errors';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';

/** Entities per page of streamEntities, like the catalog's default. */
const STREAM_PAGE = 500;

/**
 * A catalog of fixed entities held in a Map, in place of the catalog
 * backend: the benchmark measures this plugin, not catalog lookups. It
 * answers the read calls the plugin makes (getEntityByRef,
 * getEntitiesByRefs, getEntities, streamEntities); anything else throws.
 */
export function fakeCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(
    entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]),
  );
  const key = (ref: string | CompoundEntityRef) =>
    stringifyEntityRef(
      typeof ref === 'string' ? parseEntityRef(ref) : ref,
    ).toLocaleLowerCase('en-US');

  const implemented: Partial<CatalogService> = {
    async getEntityByRef(ref) {
      return byRef.get(key(ref));
    },
    async getEntitiesByRefs(request) {
      return { items: request.entityRefs.map(ref => byRef.get(key(ref))) };
    },
    async getEntities(request) {
      const filter = request?.filter;
      const kinds = new Set<string>();
      const filters = ([] as unknown[]).concat(filter ?? []);
      for (const f of filters) {
        const kind = (f as Record<string, unknown>).kind;
        for (const k of ([] as unknown[]).concat(kind ?? [])) {
          kinds.add(String(k).toLocaleLowerCase('en-US'));
        }
      }
      let items = [...byRef.values()];
      if (kinds.size > 0) {
        items = items.filter(e => kinds.has(e.kind.toLocaleLowerCase('en-US')));
      }
      const offset = request?.offset ?? 0;
      const limit = request?.limit ?? items.length;
      return { items: items.slice(offset, offset + limit) };
    },
    async *streamEntities(request) {
      const { items } = await implemented.getEntities!({
        filter: request?.filter,
      });
      for (let i = 0; i < items.length; i += STREAM_PAGE) {
        yield items.slice(i, i + STREAM_PAGE);
      }
    },
  };
  const others = [
    'queryEntities',
    'getEntityAncestors',
    'removeEntityByUid',
    'refreshEntity',
    'getEntityFacets',
    'getLocations',
    'queryLocations',
    'streamLocations',
    'getLocationById',
    'getLocationByRef',
    'addLocation',
    'removeLocationById',
    'updateLocation',
    'getLocationByEntity',
    'validateEntity',
    'analyzeLocation',
  ];
  for (const name of others) {
    (implemented as Record<string, unknown>)[name] = async () => {
      throw new NotImplementedError(`The benchmark's catalog has no ${name}`);
    };
  }
  return implemented as CatalogService;
}

export function fakeCatalogFactory(entities: Entity[]) {
  const catalog = fakeCatalog(entities);
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}
