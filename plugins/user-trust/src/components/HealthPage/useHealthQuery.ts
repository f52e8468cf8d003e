import { HealthFilter } from '@user-trust/plugin-user-trust-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  HealthQuery,
  healthQueryToParams,
  parseHealthQuery,
} from './healthQuery';

/**
 * The health page's state, kept in the URL so that a view can be shared
 * and survives a reload. Changes replace the history entry: typing in the
 * search box should not fill the back button with one entry per word.
 */
export function useHealthQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseHealthQuery(params), [params]);

  const update = useCallback(
    (patch: Partial<HealthQuery>) =>
      setParams(
        prev => healthQueryToParams({ ...parseHealthQuery(prev), ...patch }),
        { replace: true },
      ),
    [setParams],
  );

  /**
   * Changes some filters (and, with `rest`, e.g. the view); a narrower list
   * starts again at its first page.
   */
  const setFilter = useCallback(
    (patch: Partial<HealthFilter>, rest: Partial<HealthQuery> = {}) =>
      setParams(
        prev => {
          const current = parseHealthQuery(prev);
          return healthQueryToParams({
            ...current,
            ...rest,
            filter: { ...current.filter, ...patch },
            page: 0,
          });
        },
        { replace: true },
      ),
    [setParams],
  );

  return { query, update, setFilter };
}
