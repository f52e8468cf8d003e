import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RefreshingValue } from '@user-trust/plugin-user-trust-node';
import { configuredComponentMappings, StatuspageConfig } from '../config';
import {
  ComponentEntityMapping,
  STATUSPAGE_ANNOTATIONS,
} from '../mapping/ComponentEntityMapping';

/** How long a loaded mapping is used before the catalog is read again. */
export const MAPPING_REFRESH_MS = 5 * 60_000;

export type CatalogMappingsOptions = {
  config: StatuspageConfig;
  catalog: Pick<CatalogService, 'getEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger: Pick<LoggerService, 'warn'>;
  refreshMs?: number;
  now?: () => number;
};

/**
 * The component → entity mapping (config, then the `statuspage.io/*`
 * annotations of catalog entities), read with the module's own
 * credentials, kept for {@link MAPPING_REFRESH_MS} and read again on the
 * next use after that. One read at a time; while a refresh fails the
 * previous mapping stays in use.
 */
export class CatalogMappings {
  private readonly value: RefreshingValue<ComponentEntityMapping>;

  constructor(private readonly options: CatalogMappingsOptions) {
    this.value = new RefreshingValue({
      read: () => this.load(),
      refreshMs: options.refreshMs ?? MAPPING_REFRESH_MS,
      now: options.now,
      onStale: (error, ageMs) =>
        options.logger.warn(
          `Statuspage: could not refresh the component mapping from the catalog, using the one read ${Math.round(
            ageMs / 1000,
          )} s ago: ${String(error)}`,
        ),
    });
  }

  /** The current mapping; throws only when none could ever be read. */
  get(): Promise<ComponentEntityMapping> {
    return this.value.get();
  }

  /** Forgets the loaded mapping, so the next use reads the catalog. */
  invalidate() {
    this.value.invalidate();
  }

  private async load(): Promise<ComponentEntityMapping> {
    const { catalog, auth, config } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const annotated = await catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${STATUSPAGE_ANNOTATIONS.componentId}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
    return ComponentEntityMapping.create({
      configured: configuredComponentMappings(config),
      entities: annotated.items,
    });
  }
}
