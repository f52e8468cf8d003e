import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { userTrustApiRef } from '../../api';

/** The field roles of an entity, with `retry` to load them again. */
export function useEntityFieldRoles(entity: Entity) {
  const api = useApi(userTrustApiRef);
  const compound = getCompoundEntityRef(entity);
  const ref = stringifyEntityRef(entity);
  return useAsyncRetry(() => api.getEntityFieldRoles(compound), [api, ref]);
}
