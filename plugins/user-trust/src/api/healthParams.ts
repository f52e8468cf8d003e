import {
  HEALTH_LIST_FILTERS,
  HealthFilter,
} from '@user-trust/plugin-user-trust-common';

/**
 * The query parameters of a health filter, as both the backend and the
 * health page's own URL spell them: a key per value of a list filter
 * (`owner=a&owner=b`), flags only when set, nothing for empty values.
 */
export function healthFilterToParams(filter: HealthFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of HEALTH_LIST_FILTERS) {
    for (const value of filter[key] ?? []) {
      if (value) params.append(key, value);
    }
  }
  if (filter.dissonance) params.set('dissonance', 'true');
  if (filter.blindSpot) params.set('blindSpot', 'true');
  const q = filter.q?.trim();
  if (q) params.set('q', q);
  return params;
}
