/*
 * A minimal adopter backend, written as the README section "Add it to your
 * Backstage app" says: the catalog with the User Trust catalog module,
 * auth, permissions with a policy that grants ingestion to the platform
 * group, and the User Trust backend. It is compiled with tsc against the
 * packed packages and run with plain Node by adopter-smoke/run.mjs.
 */

import { createBackend } from '@backstage/backend-defaults';
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
import { userTrustPermissions } from '@user-trust/plugin-user-trust-common';

/** Reading is allowed; changing User Trust data only to the platform group. */
class AdopterPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!userTrustPermissions.some(p => isPermission(request.permission, p))) {
      return { result: AuthorizeResult.ALLOW };
    }
    return user?.info.ownershipEntityRefs.includes('group:default/platform')
      ? { result: AuthorizeResult.ALLOW }
      : { result: AuthorizeResult.DENY };
  }
}

const adopterPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'adopter-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new AdopterPolicy());
      },
    });
  },
});

const backend = createBackend();

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@user-trust/plugin-catalog-backend-module-user-trust'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(adopterPolicy);

backend.add(import('@user-trust/plugin-user-trust-backend'));

backend.start();
