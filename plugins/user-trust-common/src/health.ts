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
] as const;

/** @public */
export type HealthSortField = (typeof HEALTH_SORT_FIELDS)[number];

/** What the health rollups can be grouped by. @public */
export const HEALTH_ROLLUP_DIMENSIONS = ['group', 'system', 'domain'] as const;

/** @public */
export type HealthRollupDimension = (typeof HEALTH_ROLLUP_DIMENSIONS)[number];

/** Signal counts of the last 7 days against the 7 days before. @public */
export type WeekOverWeek = {
  last7d: number;
  previous7d: number;
};

/** One entity's reliability health. @public */
export type EntityHealth = {
  /** Full, lower-cased ref, e.g. `component:default/checkout-api`. */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** `spec.type`, e.g. `service`. */
  type?: string;
  lifecycle?: string;
  /** Full ref of the owner (`spec.owner`), usually a group. */
  owner?: string;
  /** Full ref of the system the entity belongs to. */
  system?: string;
  /** Full ref of the domain: the entity's own, or its system's. */
  domain?: string;
  /** Trust score 0–100; null when no SLO has enough data. */
  score: number | null;
  status: SloStatus;
  /** How many of the entity's SLOs have each status. */
  sloCounts: Record<SloStatus, number>;
  /** Least error budget left across its SLOs; negative once overspent. */
  worstBudget: number | null;
  /** Fastest burn rate across SLOs and burn windows. */
  fastestBurn: { rate: number; window: string; slo: string } | null;
  /** Whether monitoring and users disagree (perception dissonance). */
  dissonance: boolean;
  supportCases: WeekOverWeek;
  incidents: WeekOverWeek;
  /** Required field roles nobody holds: a blind spot when not empty. */
  missingRoles: string[];
  /** Who holds which field role (registry over annotation seeds). */
  fieldRoles: Array<{ role: string; holderRef: string }>;
  /** When this row was last computed (ISO 8601). */
  evaluatedAt: string;
};

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
export type HealthFacets = Record<
  'kind' | 'type' | 'owner' | 'system' | 'domain' | 'lifecycle',
  Array<{ value: string; count: number }>
>;

/** Answer of `GET /api/user-trust/health`. @public */
export type HealthListResponse = {
  items: EntityHealth[];
  /** Rows matching the filters, across pages. */
  totalCount: number;
  offset: number;
  limit: number;
  /**
   * Statuses of the rows matching every filter but `status`, so a view can
   * show how the other statuses would narrow it.
   */
  statusCounts: Record<SloStatus, number>;
  /** Filter values among all rows the caller may see. */
  facets: HealthFacets;
  /** When the oldest row shown was computed; null without rows. */
  oldestEvaluatedAt: string | null;
};

/** One group, system or domain in the health rollups. @public */
export type HealthRollup = {
  /** Ref of the group, system or domain; null for entities without one. */
  key: string | null;
  entities: number;
  /** Mean trust score of entities that have one; null when none has. */
  meanScore: number | null;
  statusCounts: Record<SloStatus, number>;
  /** Entities missing a required field role. */
  blindSpots: number;
  dissonant: number;
  supportCases: WeekOverWeek;
  incidents: WeekOverWeek;
  fastestBurn: number | null;
};

/** Answer of `GET /api/user-trust/health/rollups`. @public */
export type HealthRollupsResponse = {
  by: HealthRollupDimension;
  /** Worst first: most breached, then lowest mean score. */
  items: HealthRollup[];
};

/** An empty count per status. @public */
export function emptyStatusCounts(): Record<SloStatus, number> {
  return Object.fromEntries(
    SLO_STATUS_ORDER.map(status => [status, 0]),
  ) as Record<SloStatus, number>;
}
