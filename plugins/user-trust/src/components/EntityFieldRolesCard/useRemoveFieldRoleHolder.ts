import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { FieldRoleAssignment } from '@user-trust/plugin-user-trust-common';
import { useState } from 'react';
import { userTrustApiRef } from '../../api';
import { errorMessage } from '../common/errors';

/**
 * Removes the holder of an assignment from the entity; calls `onRemoved`
 * when done, or keeps the error to show.
 */
export function useRemoveFieldRoleHolder(
  entity: Entity,
  assignment: FieldRoleAssignment,
  onRemoved: () => void,
) {
  const api = useApi(userTrustApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.removeEntityFieldRoleHolder(
        getCompoundEntityRef(entity),
        assignment.role,
        assignment.holderRef,
      );
      onRemoved();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return { remove, busy, error };
}
