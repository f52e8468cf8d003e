import { useApi } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  userTrustFieldRoleManagePermission,
  userTrustSignalCreatePermission,
  userTrustSourceManagePermission,
} from '@user-trust/plugin-user-trust-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * Whether the signed-in user may manage the field roles of each of the
 * given entities (full refs). The permission is a resource permission on
 * catalog entities, so it is asked per entity; the permission client
 * batches the requests.
 */
export async function authorizeFieldRoleManagement(
  permissionApi: typeof permissionApiRef.T,
  entityRefs: string[],
): Promise<Map<string, boolean>> {
  const unique = Array.from(new Set(entityRefs));
  const decisions = await Promise.all(
    unique.map(resourceRef =>
      permissionApi.authorize({
        permission: userTrustFieldRoleManagePermission,
        resourceRef,
      }),
    ),
  );
  return new Map(
    unique.map((ref, i) => [
      ref,
      decisions[i].result === AuthorizeResult.ALLOW,
    ]),
  );
}

/**
 * Whether the signed-in user may manage the field roles of an entity. Like
 * `usePermission` of `@backstage/plugin-permission-react`, but without its
 * process-wide cache, so that a decision is asked once per mount.
 */
export function useCanManageFieldRoles(entityRef: string | undefined): {
  loading: boolean;
  allowed: boolean;
} {
  const permissionApi = useApi(permissionApiRef);
  const { value, loading } = useAsync(async () => {
    if (!entityRef) return false;
    const decisions = await authorizeFieldRoleManagement(permissionApi, [
      entityRef,
    ]);
    return decisions.get(entityRef) ?? false;
  }, [permissionApi, entityRef]);
  return { loading, allowed: value ?? false };
}

/**
 * Whether the signed-in user may start a connector's sync and map external
 * services to entities (`user-trust.source.manage`, a basic permission).
 * Asked once per mount, like {@link useCanManageFieldRoles}.
 */
export function useCanManageSources(): { loading: boolean; allowed: boolean } {
  const permissionApi = useApi(permissionApiRef);
  const { value, loading } = useAsync(async () => {
    const decision = await permissionApi.authorize({
      permission: userTrustSourceManagePermission,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }, [permissionApi]);
  return { loading, allowed: value ?? false };
}

/**
 * Whether the signed-in user may import signals (`user-trust.signal.create`,
 * a basic permission): check a file, import it and save a column mapping.
 * Asked once per mount, like {@link useCanManageSources}.
 */
export function useCanCreateSignals(): { loading: boolean; allowed: boolean } {
  const permissionApi = useApi(permissionApiRef);
  const { value, loading } = useAsync(async () => {
    const decision = await permissionApi.authorize({
      permission: userTrustSignalCreatePermission,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }, [permissionApi]);
  return { loading, allowed: value ?? false };
}
