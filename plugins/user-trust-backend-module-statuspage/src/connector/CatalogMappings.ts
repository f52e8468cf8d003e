import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
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
  private loaded?: { at: number; value: ComponentEntityMapping };
  private loading?: Promise<ComponentEntityMapping>;
  private readonly now: () => number;

  constructor(private readonly options: CatalogMappingsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The current mapping; throws only when none could ever be read. */
  async get(): Promise<ComponentEntityMapping> {
    const refreshMs = this.options.refreshMs ?? MAPPING_REFRESH_MS;
    if (this.loaded && this.now() - this.loaded.at < refreshMs) {
      return this.loaded.value;
    }
    if (!this.loading) {
      this.loading = this.load()
        .then(value => {
          this.loaded = { at: this.now(), value };
          return value;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    try {
      return await this.loading;
    } catch (error) {
      if (!this.loaded) throw error;
      this.options.logger.warn(
        `Statuspage: could not refresh the component mapping from the catalog, using the one read ${Math.round(
          (this.now() - this.loaded.at) / 1000,
        )} s ago: ${String(error)}`,
      );
      return this.loaded.value;
    }
  }

  /** Forgets the loaded mapping, so the next use reads the catalog. */
  invalidate() {
    this.loaded = undefined;
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
