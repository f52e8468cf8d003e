import { Entity } from '@backstage/catalog-model';
import { toStoredEntityRef } from '@user-trust/plugin-user-trust-common';
import { PagerDutyService } from '../incidents/types';

/**
 * The annotations of PagerDuty's own Backstage plugin
 * (`@pagerduty/backstage-plugin-common`: `PAGERDUTY_SERVICE_ID`,
 * `PAGERDUTY_ACCOUNT`), reused so adopters annotate their entities once.
 *
 * @public
 */
export const PAGERDUTY_ANNOTATIONS = {
  serviceId: 'pagerduty.com/service-id',
  /** Read when there is no service id; resolved with `integrationKeys`. */
  integrationKey: 'pagerduty.com/integration-key',
  /** Names the account of the service when several are configured. */
  account: 'pagerduty.com/account',
} as const;

/** How a service was mapped to an entity. @public */
export type ServiceMappingSource = 'config' | 'annotation';

/** @public */
export type ServiceEntityMatch = {
  entityRef: string;
  via: ServiceMappingSource;
};

/**
 * Two or more entities claim one PagerDuty service through annotations;
 * the first in ref order wins, the others are reported so a person can fix
 * the catalog.
 *
 * @public
 */
export type ServiceMappingConflict = {
  accountId: string | undefined;
  serviceId: string;
  entityRefs: string[];
};

/**
 * The integration keys of one service, to resolve the
 * `pagerduty.com/integration-key` annotation (see
 * `PagerDutyClient.listServices` and {@link integrationKeysOf}).
 *
 * @public
 */
export type ServiceIntegrationKeys = {
  accountId: string;
  serviceId: string;
  integrationKeys: string[];
};

/**
 * The integration keys of an account's services.
 *
 * @public
 */
export function integrationKeysOf(
  accountId: string,
  services: PagerDutyService[],
): ServiceIntegrationKeys[] {
  return services.map(service => ({
    accountId,
    serviceId: service.id,
    integrationKeys: (service.integrations ?? []).flatMap(integration =>
      integration.integration_key ? [integration.integration_key] : [],
    ),
  }));
}

/** An explicit mapping from config: service id to entity ref. @public */
export type ConfiguredServiceMapping = {
  accountId: string;
  /** Service id to entity ref (short refs default to kind Component). */
  services: Record<string, string>;
};

// Accounts are optional on annotations: an entity that names none matches
// its service id in every account.
const ANY_ACCOUNT = '';
const keyOf = (accountId: string | undefined, serviceId: string) =>
  `${accountId ?? ANY_ACCOUNT}\u0000${serviceId}`;

function storedRefOf(entity: Entity): string | undefined {
  try {
    return toStoredEntityRef(entity);
  } catch {
    return undefined;
  }
}

/** The service an entity's annotations name, as a mapping key. */
function annotatedKeyOf(
  entity: Entity,
  byIntegrationKey: Map<string, ServiceIntegrationKeys>,
): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const accountId =
    annotations[PAGERDUTY_ANNOTATIONS.account]?.trim() || undefined;
  const serviceId = annotations[PAGERDUTY_ANNOTATIONS.serviceId]?.trim();
  if (serviceId) return keyOf(accountId, serviceId);
  const integrationKey =
    annotations[PAGERDUTY_ANNOTATIONS.integrationKey]?.trim();
  const service = integrationKey && byIntegrationKey.get(integrationKey);
  if (!service) return undefined;
  if (accountId && accountId !== service.accountId) return undefined;
  return keyOf(service.accountId, service.serviceId);
}

/**
 * Maps a PagerDuty service (account + service id) to a catalog entity.
 * Config mappings win over annotations; an annotation naming the account
 * wins over one that does not.
 *
 * @public
 */
export class ServiceEntityMapping {
  private constructor(
    private readonly configured: Map<string, string>,
    private readonly annotated: Map<string, string>,
    readonly conflicts: ServiceMappingConflict[],
  ) {}

  /**
   * Builds the mapping from config and the entities of the catalog (only
   * their kind, metadata name, namespace and annotations are read). An
   * entity without `pagerduty.com/service-id` but with
   * `pagerduty.com/integration-key` maps to the service holding that key,
   * when `integrationKeys` lists it. Throws when a configured entity ref is
   * not a ref.
   */
  static create(options: {
    configured?: ConfiguredServiceMapping[];
    entities?: Entity[];
    integrationKeys?: ServiceIntegrationKeys[];
  }): ServiceEntityMapping {
    const configured = new Map<string, string>();
    for (const { accountId, services } of options.configured ?? []) {
      for (const [serviceId, ref] of Object.entries(services)) {
        configured.set(
          keyOf(accountId, serviceId),
          toStoredEntityRef(ref, { defaultKind: 'component' }),
        );
      }
    }

    const byIntegrationKey = new Map<string, ServiceIntegrationKeys>();
    for (const service of options.integrationKeys ?? []) {
      for (const integrationKey of service.integrationKeys) {
        if (!byIntegrationKey.has(integrationKey)) {
          byIntegrationKey.set(integrationKey, service);
        }
      }
    }

    const claims = new Map<string, Set<string>>();
    for (const entity of options.entities ?? []) {
      const key = annotatedKeyOf(entity, byIntegrationKey);
      const entityRef = storedRefOf(entity);
      if (!key || !entityRef) continue;
      claims.set(key, (claims.get(key) ?? new Set()).add(entityRef));
    }

    const annotated = new Map<string, string>();
    const conflicts: ServiceMappingConflict[] = [];
    for (const [key, refs] of claims) {
      const sorted = [...refs].sort();
      annotated.set(key, sorted[0]);
      if (sorted.length > 1) {
        const [accountId, serviceId] = key.split('\u0000');
        conflicts.push({
          accountId: accountId || undefined,
          serviceId,
          entityRefs: sorted,
        });
      }
    }
    return new ServiceEntityMapping(configured, annotated, conflicts);
  }

  /** The entity a service maps to, or undefined when it maps to none. */
  resolve(
    accountId: string,
    serviceId: string,
  ): ServiceEntityMatch | undefined {
    const configured = this.configured.get(keyOf(accountId, serviceId));
    if (configured) return { entityRef: configured, via: 'config' };
    const annotated =
      this.annotated.get(keyOf(accountId, serviceId)) ??
      this.annotated.get(keyOf(undefined, serviceId));
    return annotated ? { entityRef: annotated, via: 'annotation' } : undefined;
  }
}
