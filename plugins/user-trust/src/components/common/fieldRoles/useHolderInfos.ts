import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { holderInfo, loadHolderInfos } from './holderInfo';

/** {@link loadHolderInfos} as a hook. */
export function useHolderInfos(refs: string[]) {
  const catalogApi = useApi(catalogApiRef);
  const key = Array.from(new Set(refs)).sort().join('\n');
  const { value, loading } = useAsync(
    () => loadHolderInfos(catalogApi, key ? key.split('\n') : []),
    [catalogApi, key],
  );
  const get = (ref: string) => (value ? value(ref) : holderInfo(ref));
  return { loading, get };
}
