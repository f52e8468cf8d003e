import { Config } from '@backstage/config';
import {
  DEFAULT_TIER_LABEL,
  ENTITY_FILTER_CONDITIONS,
  EntityFilter,
  entityFilterValues,
} from '@user-trust/plugin-user-trust-common';

/** The entity label holding the tier (`userTrust.slos.tierLabel`). */
export function tierLabelFromConfig(config: Config): string {
  return (
    config.getOptionalString('userTrust.slos.tierLabel') ?? DEFAULT_TIER_LABEL
  );
}

/**
 * An entity filter as configured (keys `<prefix>kind`, `type`, `lifecycle`,
 * `tier`, each one value or a list), lower-cased; only the conditions given
 * are set. Match it with `matchesEntityFilter` of the common package.
 */
export function entityFilterFromConfig(
  config: Config,
  prefix: string = '',
): EntityFilter {
  const filter: EntityFilter = {};
  for (const condition of ENTITY_FILTER_CONDITIONS) {
    const key = `${prefix}${condition}`;
    if (config.has(key)) {
      filter[condition] = entityFilterValues(config.get(key));
    }
  }
  return filter;
}
