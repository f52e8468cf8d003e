import { useMemo, useRef } from 'react';

/**
 * The rows of a table with rows in memory (Backstage's Table, that is
 * material-table): copies (the table marks its rows) with a stable `id`,
 * and a version that changes whenever the rows do. Rows that change under
 * a mounted table reset its state and warn in development, so the version
 * belongs in the table's `key`: each set of rows gets a table of its own.
 */
export function useTableRows<T extends object>(
  items: T[],
  id: (item: T) => string,
): { rows: Array<T & { id: string }>; version: number } {
  const seen = useRef({ items, version: 0 });
  if (seen.current.items !== items) {
    seen.current = { items, version: seen.current.version + 1 };
  }
  const rows = useMemo(
    () => items.map(item => ({ ...item, id: id(item) })),
    // `id` names a field; a new function each render reads the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items],
  );
  return { rows, version: seen.current.version };
}
