import {
  HEALTH_LIST_FILTERS,
  HEALTH_SORT_FIELDS,
  SLO_STATUS_ORDER,
  HealthFilter,
  HealthRollupDimension,
  HealthSortField,
  SloStatus,
} from '@user-trust/plugin-user-trust-common';
import { healthFilterToParams } from '../../api/healthParams';

/** The views of the health page: the service list or a rollup. */
export type HealthView = 'services' | HealthRollupDimension;

export const HEALTH_VIEWS: HealthView[] = [
  'services',
  'group',
  'system',
  'domain',
];

export type SortOrder = 'asc' | 'desc';

/** Everything the health page shows, as kept in its URL. */
export type HealthQuery = {
  filter: HealthFilter;
  sort: HealthSortField;
  order: SortOrder;
  view: HealthView;
  /** 0-based page of the service list. */
  page: number;
  pageSize: number;
};

export const PAGE_SIZES = [25, 50, 100];
export const DEFAULT_PAGE_SIZE = PAGE_SIZES[0];
export const DEFAULT_SORT: HealthSortField = 'burn';

/**
 * The direction a sort field starts in: worst first, so that the services
 * needing attention come first whichever column one sorts by.
 */
export const NATURAL_ORDER: Record<HealthSortField, SortOrder> = {
  burn: 'desc',
  cases: 'desc',
  score: 'asc',
  budget: 'asc',
  name: 'asc',
  runout: 'asc',
};

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined {
  return values.find(v => v === value);
}

function nonNegativeInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Reads the page state from its URL. Values the page would not send (an
 * unknown status or sort field, a page size it does not offer) are dropped,
 * so that a hand-edited link shows the closest valid view instead of an
 * error from the backend.
 */
export function parseHealthQuery(params: URLSearchParams): HealthQuery {
  const filter: HealthFilter = {};
  for (const key of HEALTH_LIST_FILTERS) {
    const values = params.getAll(key).filter(Boolean);
    if (key === 'status') {
      const statuses = values.filter((v): v is SloStatus =>
        SLO_STATUS_ORDER.includes(v as SloStatus),
      );
      if (statuses.length) filter.status = statuses;
    } else if (values.length) {
      filter[key] = values;
    }
  }
  if (params.get('dissonance') === 'true') filter.dissonance = true;
  if (params.get('blindSpot') === 'true') filter.blindSpot = true;
  const q = params.get('q')?.trim();
  if (q) filter.q = q;

  const sort = oneOf(HEALTH_SORT_FIELDS, params.get('sort')) ?? DEFAULT_SORT;
  const pageSize = nonNegativeInt(params.get('pageSize'));
  return {
    filter,
    sort,
    order:
      oneOf(['asc', 'desc'] as const, params.get('order')) ??
      NATURAL_ORDER[sort],
    view: oneOf(HEALTH_VIEWS, params.get('view')) ?? 'services',
    page: nonNegativeInt(params.get('page')) ?? 0,
    pageSize:
      pageSize !== undefined && PAGE_SIZES.includes(pageSize)
        ? pageSize
        : DEFAULT_PAGE_SIZE,
  };
}

/**
 * The URL of a page state; defaults are left out to keep shared links
 * short. {@link parseHealthQuery} reads it back to the same state.
 */
export function healthQueryToParams(query: HealthQuery): URLSearchParams {
  const params = healthFilterToParams(query.filter);
  if (query.sort !== DEFAULT_SORT) params.set('sort', query.sort);
  if (query.order !== NATURAL_ORDER[query.sort]) {
    params.set('order', query.order);
  }
  if (query.view !== 'services') params.set('view', query.view);
  if (query.page > 0) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('pageSize', String(query.pageSize));
  }
  return params;
}

/** Whether any filter is set, e.g. to offer "Clear filters". */
export function hasFilters(filter: HealthFilter): boolean {
  return healthFilterToParams(filter).toString() !== '';
}

/**
 * A stable key of a filter, for effect dependencies: filters are rebuilt
 * from the URL on every render.
 */
export function filterKey(filter: HealthFilter): string {
  return healthFilterToParams(filter).toString();
}
