import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { userTrustApiRef } from '../../../api';

/** The configured role types. */
export function useFieldRoleTypes() {
  const api = useApi(userTrustApiRef);
  const { value, loading, error } = useAsync(
    async () => (await api.getFieldRoleTypes()).roles,
    [api],
  );
  return { roles: value, loading, error };
}
