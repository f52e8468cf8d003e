import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogEntityDeletePermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  userTrustFieldRoleManagePermission,
  userTrustSignalCreatePermission,
  userTrustSloUpdatePermission,
} from '@user-trust/plugin-user-trust-common';
import permissionModulePortalPolicy, {
  PortalPermissionPolicy,
} from './permissionPolicy';

function user(ref: string, ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs },
  };
}

const platformEngineer = user('user:default/tomasz.kowalski', [
  'user:default/tomasz.kowalski',
  'group:default/platform',
]);
const checkoutEngineer = user('user:default/lena.fischer', [
  'user:default/lena.fischer',
  'group:default/checkout-team',
]);

describe('PortalPermissionPolicy', () => {
  const policy = new PortalPermissionPolicy();
  const decide = (permission: Permission, who?: PolicyQueryUser) =>
    policy.handle({ permission }, who);

  it('allows everything but field-role management to everyone', async () => {
    for (const permission of [
      catalogEntityDeletePermission,
      userTrustSignalCreatePermission,
      userTrustSloUpdatePermission,
    ]) {
      for (const who of [platformEngineer, checkoutEngineer, undefined]) {
        expect(await decide(permission, who)).toEqual({
          result: AuthorizeResult.ALLOW,
        });
      }
    }
  });

  it('allows the platform team to manage the field roles of every entity', async () => {
    expect(
      await decide(userTrustFieldRoleManagePermission, platformEngineer),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    // Ownership refs are compared without regard to case.
    expect(
      await decide(
        userTrustFieldRoleManagePermission,
        user('user:default/aisha.bello', ['Group:default/Platform']),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('lets other users manage the field roles of the entities they own', async () => {
    expect(
      await decide(userTrustFieldRoleManagePermission, checkoutEngineer),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/lena.fischer', 'group:default/checkout-team'],
        },
      },
    });
  });

  it('does not let membership of a parent group of the platform team count', async () => {
    const decision = await decide(
      userTrustFieldRoleManagePermission,
      user('user:default/priya.raman', [
        'user:default/priya.raman',
        'group:default/engineering',
      ]),
    );
    expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
  });

  it('allows service principals, the integrations the platform team configured', async () => {
    expect(await decide(userTrustFieldRoleManagePermission)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('takes other admin groups', async () => {
    const custom = new PortalPermissionPolicy({
      adminGroups: ['group:default/customer-success'],
    });
    expect(
      (
        await custom.handle(
          { permission: userTrustFieldRoleManagePermission },
          platformEngineer,
        )
      ).result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });
});

describe('permission module portal-policy', () => {
  it('installs the portal policy in the permission backend', async () => {
    const policies: PermissionPolicy[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          policyExtensionPoint,
          { setPolicy: (p: PermissionPolicy) => policies.push(p) },
        ],
      ],
      features: [permissionModulePortalPolicy],
    });
    expect(policies).toHaveLength(1);
    expect(policies[0]).toBeInstanceOf(PortalPermissionPolicy);
  });
});
