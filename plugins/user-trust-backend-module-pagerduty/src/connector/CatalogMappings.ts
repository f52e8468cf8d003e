import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RefreshingValue } from '@user-trust/plugin-user-trust-node';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { configuredServiceMappings, PagerDutyConfig } from '../config';
import { AccountUsers, HandledByResolver } from '../mapping/HandledByResolver';
import {
  integrationKeysOf,
  PAGERDUTY_ANNOTATIONS,
  ServiceEntityMapping,
  ServiceIntegrationKeys,
} from '../mapping/ServiceEntityMapping';

/** How long a loaded mapping is used before the catalog is read again. */
export const MAPPING_REFRESH_MS = 5 * 60_000;

/** What the connector maps with: services to entities, PagerDuty users to Users. */
export type LoadedMappings = {
  mapping: ServiceEntityMapping;
  handledBy?: HandledByResolver;
};

export type CatalogMappingsOptions = {
  config: PagerDutyConfig;
  catalog: Pick<CatalogService, 'getEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  /** REST clients of the accounts that have a token. */
  clients: Map<string, Pick<PagerDutyClient, 'listServices' | 'listUsers'>>;
  logger: Pick<LoggerService, 'warn' | 'info'>;
  refreshMs?: number;
  now?: () => number;
};

/**
 * The service → entity mapping (config, then the `pagerduty.com/*`
 * annotations of catalog entities) and the handler resolver (catalog Users
 * by email), read with the module's own credentials, kept for
 * {@link MAPPING_REFRESH_MS} and read again on the next use after that. One
 * read at a time; while a refresh fails the previous mapping stays in use.
 */
export class CatalogMappings {
  private readonly value: RefreshingValue<LoadedMappings>;

  constructor(private readonly options: CatalogMappingsOptions) {
    this.value = new RefreshingValue({
      read: () => this.load(),
      refreshMs: options.refreshMs ?? MAPPING_REFRESH_MS,
      now: options.now,
      onStale: (error, ageMs) =>
        options.logger.warn(
          `PagerDuty: could not refresh the service mapping from the catalog, using the one read ${Math.round(
            ageMs / 1000,
          )} s ago: ${String(error)}`,
        ),
    });
  }

  /** The current mappings; throws only when none could ever be read. */
  get(): Promise<LoadedMappings> {
    return this.value.get();
  }

  /** Forgets the loaded mapping, so the next use reads the catalog. */
  invalidate() {
    this.value.invalidate();
  }

  private async load(): Promise<LoadedMappings> {
    const { catalog, auth, config, clients } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const fields = ['kind', 'metadata.name', 'metadata.namespace'];
    const [annotated, users] = await Promise.all([
      catalog.getEntities(
        {
          filter: [
            {
              [`metadata.annotations.${PAGERDUTY_ANNOTATIONS.serviceId}`]:
                CATALOG_FILTER_EXISTS,
            },
            {
              [`metadata.annotations.${PAGERDUTY_ANNOTATIONS.integrationKey}`]:
                CATALOG_FILTER_EXISTS,
            },
          ],
          fields: [...fields, 'metadata.annotations'],
        },
        { credentials },
      ),
      // handledBy needs PagerDuty's users, which only the REST API lists.
      clients.size > 0
        ? catalog.getEntities(
            {
              filter: {
                kind: 'User',
                'spec.profile.email': CATALOG_FILTER_EXISTS,
              },
              fields: [...fields, 'spec.profile.email'],
            },
            { credentials },
          )
        : Promise.resolve({ items: [] as Entity[] }),
    ]);

    const usesIntegrationKeys = annotated.items.some(
      entity =>
        !entity.metadata.annotations?.[PAGERDUTY_ANNOTATIONS.serviceId] &&
        entity.metadata.annotations?.[PAGERDUTY_ANNOTATIONS.integrationKey],
    );
    const integrationKeys: ServiceIntegrationKeys[] = [];
    const accountUsers: AccountUsers[] = [];
    for (const [accountId, client] of clients) {
      if (usesIntegrationKeys) {
        await this.fromPagerDuty(accountId, 'services', async () => {
          const services = await client.listServices();
          integrationKeys.push(...integrationKeysOf(accountId, services));
        });
      }
      if (users.items.length > 0) {
        await this.fromPagerDuty(accountId, 'users', async () => {
          accountUsers.push({ accountId, users: await client.listUsers() });
        });
      }
    }

    const mapping = ServiceEntityMapping.create({
      configured: configuredServiceMappings(config),
      entities: annotated.items,
      integrationKeys,
    });
    for (const conflict of mapping.conflicts) {
      this.options.logger.warn(
        `PagerDuty service ${
          conflict.serviceId
        } is annotated on ${conflict.entityRefs.join(
          ', ',
        )}; its incidents go to ${conflict.entityRefs[0]}`,
      );
    }
    return {
      mapping,
      ...(accountUsers.length > 0 && {
        handledBy: HandledByResolver.create({
          accounts: accountUsers,
          catalogUsers: users.items,
        }),
      }),
    };
  }

  // What PagerDuty's REST API adds is a refinement: without it, services
  // annotated with a service id still map, and signals lack only handledBy.
  private async fromPagerDuty(
    accountId: string,
    what: string,
    read: () => Promise<void>,
  ) {
    try {
      await read();
    } catch (error) {
      this.options.logger.warn(
        `PagerDuty account ${accountId}: could not list its ${what}: ${String(
          error,
        )}`,
      );
    }
  }
}
