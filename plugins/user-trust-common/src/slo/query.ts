import { SignalAttributes, SignalKind, SignalSeverity } from '../signals';
import { SignalQuery, SloIndicator, UserTrustSlo } from './types';

/**
 * The fields of a signal that a {@link SignalQuery} looks at. Optional
 * fields may be null, as they come out of a database row.
 *
 * @public
 */
export type MatchableSignal = {
  kind: SignalKind | string;
  severity?: SignalSeverity | string | null;
  value?: number | null;
  account?: string | null;
  attributes?: SignalAttributes | null;
};

/**
 * The kinds of a query as an array, whether one or several were given.
 *
 * @public
 */
export function queryKinds(query: SignalQuery): SignalKind[] {
  return Array.isArray(query.kind) ? query.kind : [query.kind];
}

const sortedUnique = <T extends string>(values: readonly T[]): T[] =>
  Array.from(new Set(values)).sort();

/**
 * A canonical string for a query, the same for every way of writing the
 * same selection: keys sorted, arrays sorted and de-duplicated (they are
 * sets), a single kind written as an array, empty `attributes` dropped.
 * The backend keys its daily rollups by it, so two SLOs that count the same
 * signals share one rollup.
 *
 * @public
 */
export function signalQueryKey(query: SignalQuery): string {
  const canonical: Record<string, unknown> = {};
  if (query.account !== undefined) {
    canonical.account = sortedUnique(query.account);
  }
  const attributeKeys = Object.keys(query.attributes ?? {}).sort();
  if (attributeKeys.length > 0) {
    canonical.attributes = Object.fromEntries(
      attributeKeys.map(key => [key, query.attributes![key]]),
    );
  }
  canonical.kind = sortedUnique(queryKinds(query));
  if (query.severity !== undefined) {
    canonical.severity = sortedUnique(query.severity);
  }
  if (query.valueAtLeast !== undefined) {
    canonical.valueAtLeast = query.valueAtLeast;
  }
  if (query.valueAtMost !== undefined) {
    canonical.valueAtMost = query.valueAtMost;
  }
  return JSON.stringify(canonical);
}

/**
 * Whether a signal is selected by a query; every given condition must hold.
 * A condition on a field the signal lacks fails: `valueAtLeast` needs a
 * value, `severity` a severity, `account` an account, and an attribute
 * condition an attribute of exactly that value (`false` is not `"false"`).
 *
 * @public
 */
export function signalMatchesQuery(
  signal: MatchableSignal,
  query: SignalQuery,
): boolean {
  if (!(queryKinds(query) as string[]).includes(signal.kind)) {
    return false;
  }
  if (
    query.severity !== undefined &&
    !(
      typeof signal.severity === 'string' &&
      (query.severity as string[]).includes(signal.severity)
    )
  ) {
    return false;
  }
  const value = typeof signal.value === 'number' ? signal.value : undefined;
  if (
    query.valueAtLeast !== undefined &&
    (value === undefined || value < query.valueAtLeast)
  ) {
    return false;
  }
  if (
    query.valueAtMost !== undefined &&
    (value === undefined || value > query.valueAtMost)
  ) {
    return false;
  }
  if (
    query.account !== undefined &&
    !(
      typeof signal.account === 'string' &&
      query.account.includes(signal.account)
    )
  ) {
    return false;
  }
  for (const [key, expected] of Object.entries(query.attributes ?? {})) {
    const attributes = signal.attributes ?? {};
    if (
      !Object.prototype.hasOwnProperty.call(attributes, key) ||
      attributes[key] !== expected
    ) {
      return false;
    }
  }
  return true;
}

/**
 * The queries an indicator reads, in a fixed order (ratio: good or bad, then
 * total; rate: events, exposure; count: events).
 *
 * @public
 */
export function indicatorQueries(indicator: SloIndicator): SignalQuery[] {
  switch (indicator.type) {
    case 'ratio':
      return [indicator.good ?? indicator.bad, indicator.total].filter(
        (query): query is SignalQuery => query !== undefined,
      );
    case 'rate':
      return [indicator.events, indicator.exposure];
    case 'count':
      return [indicator.events];
    default:
      return [];
  }
}

/**
 * Every distinct query that a set of SLOs needs rollups for, keyed by
 * {@link signalQueryKey}.
 *
 * @public
 */
export function sloSignalQueries(
  slos: ReadonlyArray<Pick<UserTrustSlo, 'indicator'>>,
): Map<string, SignalQuery> {
  const queries = new Map<string, SignalQuery>();
  for (const slo of slos) {
    for (const query of indicatorQueries(slo.indicator)) {
      queries.set(signalQueryKey(query), query);
    }
  }
  return queries;
}
