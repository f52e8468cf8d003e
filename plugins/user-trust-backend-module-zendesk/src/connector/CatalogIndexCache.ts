import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RefreshingValue } from '@user-trust/plugin-user-trust-node';
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
  private readonly value: RefreshingValue<ZendeskCatalogIndex>;

  constructor(
    private readonly options: {
      catalog: Pick<CatalogService, 'getEntities'>;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      logger: Pick<LoggerService, 'warn'>;
      ttlMs?: number;
      now?: () => number;
    },
  ) {
    this.value = new RefreshingValue({
      read: () => this.read(),
      refreshMs: options.ttlMs ?? CATALOG_INDEX_TTL_MS,
      now: options.now,
      onStale: error =>
        options.logger.warn(
          `Zendesk connector: could not read the catalog, using the last read: ${error}`,
        ),
    });
  }

  get(): Promise<ZendeskCatalogIndex> {
    return this.value.get();
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
