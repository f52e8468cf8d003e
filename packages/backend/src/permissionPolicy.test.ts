import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
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
  CHANGE_PERMISSIONS,
  PortalPermissionPolicy,
} from './permissionPolicy';

const PLATFORM = 'user:default/tomasz.kowalski';
const CHECKOUT = 'user:default/lena.fischer';
/** Ownership refs of the users, as the catalog resolves them. */
const OWNERSHIP: Record<string, string[]> = {
  [PLATFORM]: [PLATFORM, 'group:default/platform'],
  [CHECKOUT]: [CHECKOUT, 'group:default/checkout-team'],
};

function user(ref: string, ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs },
  };
}

const platformEngineer = user(PLATFORM, OWNERSHIP[PLATFORM]);
const checkoutEngineer = user(CHECKOUT, OWNERSHIP[CHECKOUT]);

const ALLOW = { result: AuthorizeResult.ALLOW };
const DENY = { result: AuthorizeResult.DENY };
const ownerOnly = (claims: string[]) => ({
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims },
  },
});

describe('PortalPermissionPolicy', () => {
  const policy = new PortalPermissionPolicy();
  const decide = (permission: Permission, who?: PolicyQueryUser) =>
    policy.handle({ permission }, who);

  it('treats the four User Trust permissions as changes', () => {
    expect(CHANGE_PERMISSIONS.map(p => p.name)).toEqual([
      'user-trust.signal.create',
      'user-trust.slo.update',
      'user-trust.field-role.manage',
      'user-trust.source.manage',
    ]);
  });

  it('allows everything else to everyone, signed in or not', async () => {
    for (const permission of [
      catalogEntityReadPermission,
      catalogEntityDeletePermission,
    ]) {
      for (const who of [platformEngineer, checkoutEngineer, undefined]) {
        expect(await decide(permission, who)).toEqual(ALLOW);
      }
    }
  });

  it('allows the platform team every change on every entity', async () => {
    for (const permission of CHANGE_PERMISSIONS) {
      expect(await decide(permission, platformEngineer)).toEqual(ALLOW);
      // Ownership refs are compared without regard to case.
      expect(
        await decide(
          permission,
          user('user:default/aisha.bello', ['Group:default/Platform']),
        ),
      ).toEqual(ALLOW);
    }
  });

  it('lets other users change the SLOs and field roles of the entities they own', async () => {
    for (const permission of [
      userTrustSloUpdatePermission,
      userTrustFieldRoleManagePermission,
    ]) {
      expect(await decide(permission, checkoutEngineer)).toEqual(
        ownerOnly(['user:default/lena.fischer', 'group:default/checkout-team']),
      );
    }
  });

  it('does not let other users send signals, owners or not', async () => {
    expect(
      await decide(userTrustSignalCreatePermission, checkoutEngineer),
    ).toEqual(DENY);
  });

  it('lets nobody unauthenticated change anything', async () => {
    // Service principals never get here (see the wiring test below): a
    // query without a user is one without credentials.
    for (const permission of CHANGE_PERMISSIONS) {
      expect(await decide(permission)).toEqual(DENY);
    }
  });

  it('does not let membership of a parent group of the platform team count', async () => {
    const engineering = user('user:default/priya.raman', [
      'user:default/priya.raman',
      'group:default/engineering',
    ]);
    expect(
      (await decide(userTrustSloUpdatePermission, engineering)).result,
    ).toBe(AuthorizeResult.CONDITIONAL);
    expect(await decide(userTrustSignalCreatePermission, engineering)).toEqual(
      DENY,
    );
  });

  it('takes other platform groups', async () => {
    const custom = new PortalPermissionPolicy({
      platformGroups: ['group:default/customer-success'],
    });
    expect(
      await custom.handle(
        { permission: userTrustSignalCreatePermission },
        platformEngineer,
      ),
    ).toEqual(DENY);
    expect(
      await custom.handle(
        { permission: userTrustSignalCreatePermission },
        user('user:default/rachel.kim', ['group:default/customer-success']),
      ),
    ).toEqual(ALLOW);
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

  it('decides through the real permissions service and permission backend', async () => {
    // What a plugin's permissions service answers in the portal: the
    // permission backend with this policy, users' ownership from user info.
    // (Owners' conditional decisions are resolved by the catalog, which this
    // test leaves out; the authorization test of the User Trust backend
    // covers them route by route.)
    let permissions: PermissionsService | undefined;
    await startTestBackend({
      features: [
        permissionPlugin,
        permissionModulePortalPolicy,
        permissionsServiceFactory,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
        createServiceFactory({
          service: coreServices.userInfo,
          deps: {},
          factory: () => ({
            async getUserInfo(credentials: BackstageCredentials) {
              const ref = (credentials.principal as BackstageUserPrincipal)
                .userEntityRef;
              return {
                userEntityRef: ref,
                ownershipEntityRefs: OWNERSHIP[ref] ?? [ref],
              };
            },
          }),
        }),
        createBackendPlugin({
          pluginId: 'probe',
          register(env) {
            env.registerInit({
              deps: { service: coreServices.permissions },
              async init({ service }) {
                permissions = service;
              },
            });
          },
        }),
      ],
    });
    const decide = async (
      permission: Permission,
      credentials: BackstageCredentials,
    ) => {
      const [decision] = await permissions!.authorizeConditional(
        [{ permission } as any],
        { credentials },
      );
      // The permission backend numbers its answers: leave the id out.
      const { id: _id, ...rest } = decision as typeof decision & {
        id?: string;
      };
      return rest;
    };

    expect(
      await decide(
        userTrustSignalCreatePermission,
        mockCredentials.user(PLATFORM),
      ),
    ).toEqual(ALLOW);
    expect(
      await decide(
        userTrustSignalCreatePermission,
        mockCredentials.user(CHECKOUT),
      ),
    ).toEqual(DENY);

    // An integration's token is a service principal: it is allowed without
    // asking the policy, within the token's access restrictions.
    const integration = mockCredentials.service('external:signal-ingest');
    for (const permission of CHANGE_PERMISSIONS) {
      expect(await decide(permission, integration)).toEqual(ALLOW);
    }
    const ingestOnly = mockCredentials.service('external:zendesk', {
      permissionNames: [userTrustSignalCreatePermission.name],
    });
    expect(await decide(userTrustSignalCreatePermission, ingestOnly)).toEqual(
      ALLOW,
    );
    expect(await decide(userTrustSloUpdatePermission, ingestOnly)).toEqual(
      DENY,
    );
  });
});
