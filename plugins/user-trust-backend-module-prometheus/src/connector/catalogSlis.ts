import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PROMETHEUS_SLI_GOOD_ANNOTATION,
  PROMETHEUS_SLI_RATIO_ANNOTATION,
  PROMETHEUS_SLI_TOTAL_ANNOTATION,
  PrometheusSliQuery,
  sliQueryFromAnnotations,
} from '../mapping/sliQueries';

/** An entity to read, or why its annotations cannot be used. */
export type CatalogSli =
  | { entityRef: string; query: PrometheusSliQuery }
  | { entityRef: string; error: string };

/**
 * The entities of the catalog with `prometheus.io/sli-*` annotations, read
 * with the module's own credentials.
 */
export async function readCatalogSlis(options: {
  catalog: Pick<CatalogService, 'getEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
}): Promise<CatalogSli[]> {
  const credentials = await options.auth.getOwnServiceCredentials();
  const { items } = await options.catalog.getEntities(
    {
      filter: [
        PROMETHEUS_SLI_GOOD_ANNOTATION,
        PROMETHEUS_SLI_TOTAL_ANNOTATION,
        PROMETHEUS_SLI_RATIO_ANNOTATION,
      ].map(a => ({ [`metadata.annotations.${a}`]: CATALOG_FILTER_EXISTS })),
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
      ],
    },
    { credentials },
  );
  const out: CatalogSli[] = [];
  for (const entity of items as Entity[]) {
    const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    try {
      const query = sliQueryFromAnnotations(entity.metadata.annotations);
      if (query) out.push({ entityRef, query });
    } catch (error) {
      out.push({
        entityRef,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return out;
}
