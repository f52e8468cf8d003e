import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ZendeskCatalogIndex,
  zendeskCatalogIndex,
} from '../mapping/TicketEntityMapping';

/** How long a read of the catalog is used before it is read again. */
export const CATALOG_INDEX_TTL_MS = 5 * 60_000;

/**
 * The catalog as the mapping needs it (entities, `zendesk.com/tags`,
 * Users' emails), read with the module's own credentials, kept for five
 * minutes; one read at a time, and the last good read stays in use while
 * the catalog fails.
 */
export class CatalogIndexCache {
  private loaded?: { at: number; index: ZendeskCatalogIndex };
  private loading?: Promise<ZendeskCatalogIndex>;

  constructor(
    private readonly options: {
      catalog: Pick<CatalogService, 'getEntities'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      logger: Pick<LoggerService, 'warn'>;
      ttlMs?: number;
      now?: () => number;
    },
  ) {}

  async get(): Promise<ZendeskCatalogIndex> {
    const now = (this.options.now ?? Date.now)();
    const ttl = this.options.ttlMs ?? CATALOG_INDEX_TTL_MS;
    if (this.loaded && now - this.loaded.at < ttl) return this.loaded.index;
    this.loading ??= this.read()
      .then(index => {
        this.loaded = { at: (this.options.now ?? Date.now)(), index };
        return index;
      })
      .catch(error => {
        if (!this.loaded) throw error;
        this.options.logger.warn(
          `Zendesk connector: could not read the catalog, using the last read: ${error}`,
        );
        return this.loaded.index;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  private async read(): Promise<ZendeskCatalogIndex> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.profile.email',
        ],
      },
      { credentials },
    );
    return zendeskCatalogIndex(items);
  }
}
