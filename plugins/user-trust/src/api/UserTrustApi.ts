import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { EntitySignalSummary } from '@user-trust/plugin-user-trust-common';

/**
 * Client of the User Trust backend.
 *
 * @public
 */
export interface UserTrustApi {
  /** Signal counts of an entity over 7, 28 and 90 days. */
  getEntitySummary(entity: CompoundEntityRef): Promise<EntitySignalSummary>;
}

/** @public */
export const userTrustApiRef = createApiRef<UserTrustApi>({
  id: 'plugin.user-trust.service',
});
