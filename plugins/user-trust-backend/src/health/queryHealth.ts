import {
  EntityHealth,
  emptyStatusCounts,
  HealthFacets,
  HealthFilter,
  HealthListResponse,
  HealthSortField,
} from '@user-trust/plugin-user-trust-common';

export type SortOrder = 'asc' | 'desc';

/** A health list request, with `holder` already expanded to refs. */
export type HealthQuery = Omit<HealthFilter, 'holder'> & {
  holder?: string[];
  sort: HealthSortField;
  order?: SortOrder;
  limit: number;
  offset: number;
};

/** Which way each column sorts unless asked otherwise: worst first. */
export const DEFAULT_ORDER: Record<HealthSortField, SortOrder> = {
  burn: 'desc',
  score: 'asc',
  budget: 'asc',
  name: 'asc',
  cases: 'desc',
  runout: 'asc',
};

const SORT_VALUE: Record<
  HealthSortField,
  (row: EntityHealth) => number | string | null
> = {
  burn: row => row.fastestBurn?.rate ?? null,
  score: row => row.score,
  budget: row => row.worstBudget,
  name: row => row.title?.toLocaleLowerCase('en-US') ?? row.name,
  cases: row => row.supportCases.last7d,
  // Spent budgets ('' sorts before every time), then the soonest run-out.
  runout: row => (row.alert?.spent ? '' : row.alert?.runsOutAt ?? null),
};

/** Rows in order; rows without a value (no data) always last. */
export function compareRows(
  sort: HealthSortField,
  order: SortOrder = DEFAULT_ORDER[sort],
): (a: EntityHealth, b: EntityHealth) => number {
  const value = SORT_VALUE[sort];
  const direction = order === 'asc' ? 1 : -1;
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return (va < vb ? -1 : 1) * direction;
    }
    return a.entityRef < b.entityRef ? -1 : Number(a.entityRef > b.entityRef);
  };
}

function oneOf(values: string[] | undefined, value: string | undefined) {
  return !values || values.length === 0 || (!!value && values.includes(value));
}

/** Whether a row passes every filter; `except` skips one of them. */
export function matchesFilter(
  row: EntityHealth,
  filter: HealthQuery | Omit<HealthQuery, 'sort' | 'limit' | 'offset'>,
  except?: 'status',
): boolean {
  if (!oneOf(filter.kind, row.kind)) return false;
  if (!oneOf(filter.type, row.type)) return false;
  if (!oneOf(filter.owner, row.owner)) return false;
  if (!oneOf(filter.system, row.system)) return false;
  if (!oneOf(filter.domain, row.domain)) return false;
  if (!oneOf(filter.lifecycle, row.lifecycle)) return false;
  if (except !== 'status' && !oneOf(filter.status, row.status)) return false;
  if (filter.dissonance !== undefined && row.dissonance !== filter.dissonance) {
    return false;
  }
  if (
    filter.blindSpot !== undefined &&
    row.missingRoles.length > 0 !== filter.blindSpot
  ) {
    return false;
  }
  if (
    filter.holder &&
    !row.fieldRoles.some(r => filter.holder!.includes(r.holderRef))
  ) {
    return false;
  }
  if (filter.q) {
    const q = filter.q.toLocaleLowerCase('en-US');
    const haystack = [
      row.entityRef,
      row.title?.toLocaleLowerCase('en-US'),
      row.owner,
      row.system,
      row.domain,
    ];
    if (!haystack.some(text => text?.includes(q))) return false;
  }
  return true;
}

/** Values of the filterable columns among the rows, most frequent first. */
export function facetsOf(rows: EntityHealth[]): HealthFacets {
  const keys = ['kind', 'type', 'owner', 'system', 'domain', 'lifecycle'];
  const counts = new Map(keys.map(k => [k, new Map<string, number>()]));
  for (const row of rows) {
    for (const key of keys) {
      const value = row[key as keyof EntityHealth];
      if (typeof value === 'string') {
        const byValue = counts.get(key)!;
        byValue.set(value, (byValue.get(value) ?? 0) + 1);
      }
    }
  }
  return Object.fromEntries(
    keys.map(key => [
      key,
      [...counts.get(key)!]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    ]),
  ) as HealthFacets;
}

/**
 * Facets of each row set served: a replica serves the same array until the
 * stored rows change, so they are counted once per change, not per request.
 */
const facetsOfRows = new WeakMap<EntityHealth[], HealthFacets>();

function cachedFacets(rows: EntityHealth[]): HealthFacets {
  let facets = facetsOfRows.get(rows);
  if (!facets) {
    facets = facetsOf(rows);
    facetsOfRows.set(rows, facets);
  }
  return facets;
}

/**
 * A page of the rows (all of them visible to the caller) that match the
 * query, in order, with the counts and facets the page shows around it.
 */
export function queryHealth(
  rows: EntityHealth[],
  query: HealthQuery,
): HealthListResponse {
  const statusCounts = emptyStatusCounts();
  const matching: EntityHealth[] = [];
  for (const row of rows) {
    if (!matchesFilter(row, query, 'status')) continue;
    statusCounts[row.status] += 1;
    if (oneOf(query.status, row.status)) matching.push(row);
  }
  matching.sort(compareRows(query.sort, query.order));
  const items = matching.slice(query.offset, query.offset + query.limit);
  let oldest: string | null = null;
  for (const row of items) {
    if (oldest === null || row.evaluatedAt < oldest) oldest = row.evaluatedAt;
  }
  return {
    items,
    totalCount: matching.length,
    offset: query.offset,
    limit: query.limit,
    statusCounts,
    facets: cachedFacets(rows),
    oldestEvaluatedAt: oldest,
  };
}
