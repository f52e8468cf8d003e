import { useApi } from '@backstage/core-plugin-api';
import { HealthFilter } from '@user-trust/plugin-user-trust-common';
import useAsync from 'react-use/esm/useAsync';
import { userTrustApiRef } from '../../api';
import { healthFilterToParams } from '../../api/healthParams';

/** How many services "Burning fastest" lists. */
export const BURNING_FASTEST_LIMIT = 5;

/**
 * The services burning error budget fastest among those matching a filter.
 * Services without a burn rate (or not burning) are left out: they sort
 * last on the server and would only pad a short list.
 */
export function useBurningFastest(filter: HealthFilter = {}) {
  const api = useApi(userTrustApiRef);
  // Filters are rebuilt on every render; their query string is stable.
  const key = healthFilterToParams(filter).toString();
  const { value, loading, error } = useAsync(async () => {
    const response = await api.getHealth({
      ...filter,
      sort: 'burn',
      order: 'desc',
      limit: BURNING_FASTEST_LIMIT,
    });
    return response.items.filter(item => (item.fastestBurn?.rate ?? 0) > 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  return { items: value, loading, error };
}
