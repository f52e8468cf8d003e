import { DependencyList, useCallback, useEffect, useState } from 'react';
import { PAGE_SIZE } from './shared';

/** Table options of the registry's server-paged lists. */
export const SERVER_PAGED_TABLE_OPTIONS = {
  search: false,
  sorting: false,
  paging: true,
  pageSize: PAGE_SIZE,
  pageSizeOptions: [PAGE_SIZE, 50, 100],
  emptyRowsWhenPaging: false,
  padding: 'dense' as const,
  draggable: false,
};

/**
 * The `data` function of a Backstage table paged on the server: it loads
 * one page with `load`, and keeps the error of a failed load so that the
 * tab can show it in place of the table, until `deps` (those of `load`,
 * e.g. the filters) change.
 */
export function useServerPages<T>(
  load: (page: { limit: number; offset: number }) => Promise<{
    items: T[];
    totalCount: number;
  }>,
  deps: DependencyList,
) {
  const [error, setError] = useState<Error>();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setError(undefined), deps);
  const fetchPage = useCallback(
    async (query: { page: number; pageSize: number }) => {
      try {
        const { items, totalCount } = await load({
          limit: query.pageSize,
          offset: query.page * query.pageSize,
        });
        return { data: items, page: query.page, totalCount };
      } catch (e) {
        setError(e as Error);
        throw e;
      }
    },
    // The caller's deps stand for `load`, a new function every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );
  return { fetchPage, error };
}
