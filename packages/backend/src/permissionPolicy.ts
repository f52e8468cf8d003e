/*
 * The example portal's permission policy, as an adopter would ship it:
 * reading is allowed to everyone signed in; changing User Trust data is not.
 *
 * - Sending signals (`user-trust.signal.create`) and managing connectors on
 *   the Sources page (`user-trust.source.manage`): the platform team.
 * - Changing an entity's SLOs (`user-trust.slo.update`) and field roles
 *   (`user-trust.field-role.manage`): the platform team on every entity, an
 *   entity's owners on their own entities.
 *
 * Integrations (external access tokens, see `backend.auth.externalAccess`)
 * and other backend plugins are service principals. Their requests never
 * reach this policy: the permissions service allows a service principal
 * whatever the `accessRestrictions` of its token allow (everything when
 * there are none). A query without a user is therefore an unauthenticated
 * one, and may change nothing.
 */

import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  userTrustFieldRoleManagePermission,
  userTrustSignalCreatePermission,
  userTrustSloUpdatePermission,
  userTrustSourceManagePermission,
} from '@user-trust/plugin-user-trust-common';

/** Members of these groups may change the User Trust data of every entity. */
export const PLATFORM_GROUPS = ['group:default/platform'];

/** The permissions that change User Trust data; everything else is allowed. */
export const CHANGE_PERMISSIONS = [
  userTrustSignalCreatePermission,
  userTrustSloUpdatePermission,
  userTrustFieldRoleManagePermission,
  userTrustSourceManagePermission,
];

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

export class PortalPermissionPolicy implements PermissionPolicy {
  private readonly platformGroups: Set<string>;

  constructor(options: { platformGroups?: string[] } = {}) {
    this.platformGroups = new Set(
      (options.platformGroups ?? PLATFORM_GROUPS).map(lower),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!CHANGE_PERMISSIONS.some(p => isPermission(permission, p))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const claims = user.info.ownershipEntityRefs.map(lower);
    if (claims.some(ref => this.platformGroups.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    // Changes to one entity: its owners (spec.owner, i.e. `ownedBy`); the
    // catalog evaluates the condition.
    if (isResourcePermission(permission, 'catalog-entity')) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    // Ingestion is not about one entity an owner could be asked about.
    return { result: AuthorizeResult.DENY };
  }
}

/** Installs {@link PortalPermissionPolicy} in the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new PortalPermissionPolicy());
      },
    });
  },
});
