/*
 * The example portal's permission policy: everything is allowed except
 * managing field roles (TAM, CSM, DevRel, support) of catalog entities, which
 * the platform team may do everywhere and an entity's owners on their own
 * entities.
 */

import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
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
import { userTrustFieldRoleManagePermission } from '@user-trust/plugin-user-trust-common';

/** Members of these groups may manage the field roles of every entity. */
export const FIELD_ROLE_ADMIN_GROUPS = ['group:default/platform'];

export class PortalPermissionPolicy implements PermissionPolicy {
  private readonly adminGroups: Set<string>;

  constructor(options: { adminGroups?: string[] } = {}) {
    this.adminGroups = new Set(
      (options.adminGroups ?? FIELD_ROLE_ADMIN_GROUPS).map(ref =>
        ref.toLocaleLowerCase('en-US'),
      ),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!isPermission(request.permission, userTrustFieldRoleManagePermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    // No user: a service principal, i.e. an integration (e.g. a bulk import
    // of field roles from a CRM) that the platform team configured.
    if (!user) {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user.info.ownershipEntityRefs.map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    if (claims.some(ref => this.adminGroups.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    // Everyone else: the owners of an entity (spec.owner, i.e. `ownedBy`)
    // manage its field roles; the catalog evaluates the condition.
    return createCatalogConditionalDecision(
      request.permission,
      catalogConditions.isEntityOwner({ claims }),
    );
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
