import type { UserTrustApiSchemas as Schemas } from './schema';
import { SLO_STATUS_ORDER } from './slo/math';
import { SloStatus } from './slo/types';

/**
 * Catalog-wide reliability health: one row per catalog entity, as served by
 * `GET /api/user-trust/health`.
 */

/** Columns the health list can be sorted by. @public */
export const HEALTH_SORT_FIELDS = [
  'burn',
  'score',
  'budget',
  'name',
  'cases',
  'runout',
] as const;

/** @public */
export type HealthSortField = (typeof HEALTH_SORT_FIELDS)[number];

/** What the health rollups can be grouped by. @public */
export const HEALTH_ROLLUP_DIMENSIONS = ['group', 'system', 'domain'] as const;

/** @public */
export type HealthRollupDimension = (typeof HEALTH_ROLLUP_DIMENSIONS)[number];

/** Signal counts of the last 7 days against the 7 days before. @public */
export type WeekOverWeek = Schemas['WeekOverWeek'];

/** One entity's reliability health. @public */
export type EntityHealth = Schemas['EntityHealth'];

/**
 * Filters of the health list and rollups; all combine with AND, several
 * values of one filter with OR.
 *
 * @public
 */
export type HealthFilter = {
  kind?: string[];
  type?: string[];
  /** Owner refs, e.g. `group:default/payments`. */
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  status?: SloStatus[];
  /**
   * Field-role holder refs (`user:default/rachel.kim`), or `me` for the
   * caller and the groups they belong to ("My services").
   */
  holder?: string[];
  /** Only entities where monitoring and users disagree. */
  dissonance?: boolean;
  /** Only entities missing a required field role. */
  blindSpot?: boolean;
  /** Free text matched against name, title, ref, owner and system. */
  q?: string;
};

/** The filters of {@link HealthFilter} that take several values. @public */
export const HEALTH_LIST_FILTERS = [
  'kind',
  'type',
  'owner',
  'system',
  'domain',
  'lifecycle',
  'status',
  'holder',
] as const;

/** @public */
export type HealthListFilter = (typeof HEALTH_LIST_FILTERS)[number];

/** Every filter of {@link HealthFilter}: its query parameter names. @public */
export const HEALTH_FILTER_PARAMS = [
  ...HEALTH_LIST_FILTERS,
  'dissonance',
  'blindSpot',
  'q',
] as const;

/** Values present in the caller's visible rows, with counts. @public */
export type HealthFacets = Schemas['HealthListResponse']['facets'];

/** Answer of `GET /api/user-trust/health`. @public */
export type HealthListResponse = Schemas['HealthListResponse'];

/** One group, system or domain in the health rollups. @public */
export type HealthRollup = Schemas['HealthRollupsResponse']['items'][number];

/** Answer of `GET /api/user-trust/health/rollups`. @public */
export type HealthRollupsResponse = Schemas['HealthRollupsResponse'];

/** An empty count per status. @public */
export function emptyStatusCounts(): Record<SloStatus, number> {
  return Object.fromEntries(
    SLO_STATUS_ORDER.map(status => [status, 0]),
  ) as Record<SloStatus, number>;
}
