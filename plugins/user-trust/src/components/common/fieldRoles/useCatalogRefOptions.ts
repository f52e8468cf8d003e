import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { PICKER_FIELDS, PickerOption, toOption } from './pickerOptions';

/**
 * The catalog entities of the given kinds that match a search term, for
 * {@link CatalogRefPicker}: searched on the server, 50 at a time, and only
 * while the picker is open. Each option is also kept in `known`.
 */
export function useCatalogRefOptions(props: {
  open: boolean;
  term: string;
  kinds: string[];
  known: Map<string, PickerOption>;
}) {
  const { open, term, kinds, known } = props;
  const catalogApi = useApi(catalogApiRef);
  const kindsKey = kinds.join(',');
  return useAsync(async () => {
    if (!open) return [];
    const response = await catalogApi.queryEntities({
      filter: kindsKey.split(',').map(kind => ({ kind })),
      fullTextFilter: term
        ? {
            term,
            fields: [
              'metadata.name',
              'metadata.title',
              'spec.profile.displayName',
              'spec.profile.email',
            ],
          }
        : undefined,
      orderFields: { field: 'metadata.name', order: 'asc' },
      fields: PICKER_FIELDS,
      limit: 50,
    });
    const result = response.items.map(toOption);
    // Keep the first option object of a ref: the picker's value must stay
    // the same object, or MUI resets the text being typed.
    result.forEach(o => {
      if (!known.has(o.ref)) known.set(o.ref, o);
    });
    return result;
  }, [catalogApi, open, term, kindsKey]);
}
