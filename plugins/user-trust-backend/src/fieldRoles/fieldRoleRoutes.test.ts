import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import {
  EntityFieldRoles,
  FieldRoleAuditEntry,
  FieldRoleCoverage,
  FieldRoleImportResult,
  SignalInput,
  DEFAULT_TIER_LABEL,
  userTrustFieldRoleManagePermission,
} from '@user-trust/plugin-user-trust-common';
import request from 'supertest';
import userTrustPlugin from '../index';

jest.setTimeout(60_000);

const API = '/api/user-trust';
const PLATFORM = 'user:default/platform-person';
const OWNER = 'user:default/owner-person';
const OUTSIDER = 'user:default/outsider';
const RACHEL = 'user:default/rachel.kim';
const SAM = 'user:default/sam.lee';
const CSM_GROUP = 'group:default/customer-success';
const CHECKOUT = 'component:default/checkout-api';
const PAYMENTS = 'component:default/payments';
const SEEDED = 'component:default/seeded-api';
const UI_KIT = 'component:default/ui-kit';
const TIER_LABEL = DEFAULT_TIER_LABEL;

function user(name: string, groups: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: groups },
  };
}

function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

function component(
  name: string,
  options: {
    type?: string;
    owner?: string;
    tier?: string;
    title?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(options.title ? { title: options.title } : {}),
      ...(options.tier ? { labels: { [TIER_LABEL]: options.tier } } : {}),
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: {
      type: options.type ?? 'service',
      lifecycle: 'production',
      owner: options.owner ?? 'team-a',
    },
  };
}

const entities: Entity[] = [
  user('platform-person', ['platform-team']),
  user('owner-person', ['team-a']),
  user('outsider', ['team-b']),
  user('rachel.kim', ['customer-success']),
  user('sam.lee'),
  group('team-a'),
  group('team-b'),
  group('platform-team'),
  group('customer-success'),
  component('checkout-api', { tier: 'tier-1', title: 'Checkout API' }),
  component('payments', { owner: 'team-b', tier: 'tier-1' }),
  component('ui-kit', { type: 'library' }),
  component('seeded-api', {
    annotations: {
      'user-trust.io/field-role-tam': 'rachel.kim',
      'user-trust.io/field-role-support': 'group:default/customer-success',
    },
  }),
];
const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));

/** Who may not see which entities (what catalog permissions would hide). */
const HIDDEN: Record<string, string[]> = { [OUTSIDER]: [PAYMENTS] };

function hiddenFrom(
  credentials: BackstageCredentials | undefined,
): Set<string> {
  const principal = credentials?.principal as
    | Partial<BackstageUserPrincipal>
    | undefined;
  return new Set(HIDDEN[principal?.userEntityRef ?? ''] ?? []);
}

/**
 * The in-memory catalog, with entities hidden from some users the way the
 * catalog's permission filtering would, and refreshes recorded.
 */
function visibilityCatalog() {
  const inner = catalogServiceMock({ entities });
  const refresh = jest.fn(async (_ref: string, _options?: unknown) => {});
  const catalog = {
    async getEntityByRef(ref: string, options: { credentials: any }) {
      const entity = await inner.getEntityByRef(ref);
      return entity &&
        !hiddenFrom(options.credentials).has(stringifyEntityRef(entity))
        ? entity
        : undefined;
    },
    async getEntitiesByRefs(req: any, options: { credentials: any }) {
      const { items } = await inner.getEntitiesByRefs(req);
      const hidden = hiddenFrom(options.credentials);
      return {
        items: items.map(e =>
          e && !hidden.has(stringifyEntityRef(e)) ? e : undefined,
        ),
      };
    },
    async *streamEntities(req: any, options: { credentials: any }) {
      const hidden = hiddenFrom(options.credentials);
      for await (const page of inner.streamEntities(req)) {
        yield page.filter(e => !hidden.has(stringifyEntityRef(e)));
      }
    },
    refreshEntity: refresh,
  };
  return {
    refresh,
    factory: createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => catalog as any,
    }),
  };
}

/**
 * A permission service as a policy "platform team everything, owners their
 * own entities" would decide, with the conditional decision resolved: ALLOW
 * for the platform person, and for others when the entity's `spec.owner`
 * is one of their groups.
 */
function ownerOrPlatformPermissions() {
  return mockServices.permissions.mock({
    authorize: jest.fn(
      async (
        requests: EvaluatePermissionRequest[],
        options?: { credentials: BackstageCredentials },
      ) => {
        const principal = options?.credentials.principal as
          | Partial<BackstageUserPrincipal>
          | undefined;
        const userRef = principal?.userEntityRef;
        const groups = new Set(
          (
            (byRef.get(userRef ?? '')?.spec?.memberOf as
              | string[]
              | undefined) ?? []
          ).map(g => `group:default/${g}`),
        );
        return requests.map(r => {
          if (
            userRef === PLATFORM ||
            r.permission.name !== userTrustFieldRoleManagePermission.name
          ) {
            return { result: AuthorizeResult.ALLOW };
          }
          const resourceRef = (r as { resourceRef?: string }).resourceRef;
          const owner = byRef.get(resourceRef ?? '')?.spec?.owner;
          return {
            result:
              owner && groups.has(`group:default/${owner}`)
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          };
        });
      },
    ) as any,
  });
}

const as = (ref: string) => mockCredentials.user.header(ref);
const entityPath = (ref: string) => {
  const [kind, rest] = ref.split(':');
  return `${API}/entities/${kind}/${rest}`;
};
const rolePath = (ref: string, role: string) =>
  `${entityPath(ref)}/field-roles/${role}`;

describe('field-role routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let refresh: jest.Mock;
  let permissions: ReturnType<typeof ownerOrPlatformPermissions> | undefined;

  async function start(
    options: {
      permissions?: 'allow' | 'deny' | 'owner-or-platform';
      config?: object;
    } = {},
  ) {
    const knex = await databases.init('SQLITE_3');
    const catalog = visibilityCatalog();
    refresh = catalog.refresh;
    const mode = options.permissions ?? 'owner-or-platform';
    permissions =
      mode === 'owner-or-platform' ? ownerOrPlatformPermissions() : undefined;
    backend = await startTestBackend({
      features: [
        userTrustPlugin,
        catalog.factory,
        mockServices.database.factory({ knex }),
        permissions
          ? permissions.factory
          : mockServices.permissions.factory({
              result:
                mode === 'allow' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
            }),
        ...(options.config
          ? [mockServices.rootConfig.factory({ data: options.config })]
          : []),
      ],
    });
    server = backend.server;
  }

  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  const put = (ref: string, role: string, holders: object[], who = PLATFORM) =>
    request(server)
      .put(rolePath(ref, role))
      .set('Authorization', as(who))
      .send({ holders });

  const remove = (ref: string, role: string, holder: string, who = PLATFORM) =>
    request(server)
      .delete(`${rolePath(ref, role)}/${encodeURIComponent(holder)}`)
      .set('Authorization', as(who));

  async function roles(ref: string, who = PLATFORM): Promise<EntityFieldRoles> {
    const res = await request(server)
      .get(`${entityPath(ref)}/field-roles`)
      .set('Authorization', as(who));
    expect(res.status).toBe(200);
    return res.body;
  }

  async function audit(query = ''): Promise<FieldRoleAuditEntry[]> {
    const res = await request(server)
      .get(`${API}/field-roles/audit${query}`)
      .set('Authorization', mockCredentials.service.header());
    expect(res.body).toMatchObject({ items: expect.any(Array) });
    return res.body.items;
  }

  async function registry(query = '') {
    const res = await request(server)
      .get(`${API}/field-roles/assignments${query}`)
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    return res.body as { items: any[]; totalCount: number };
  }

  const holderRefs = (r: EntityFieldRoles, role: string) =>
    r.assignments.filter(a => a.role === role).map(a => a.holderRef);

  describe('role types', () => {
    it('answers the default role types', async () => {
      await start();
      const res = await request(server)
        .get(`${API}/field-roles/types`)
        .set('Authorization', as(OUTSIDER));
      expect(res.status).toBe(200);
      expect(res.body.roles.map((r: any) => r.id)).toEqual([
        'tam',
        'csm',
        'devrel',
        'support',
      ]);
      expect(res.body.roles[0]).toMatchObject({
        title: 'Technical Account Manager',
        requiredFor: [{ kind: ['component'], tier: ['tier-1'] }],
      });
    });

    it('answers configured role types, requirements lower-cased, with the configured tier label', async () => {
      await start({
        config: {
          userTrust: {
            slos: { tierLabel: 'example.com/criticality' },
            fieldRoles: [
              {
                id: 'sre-buddy',
                title: 'SRE buddy',
                requiredFor: [{ kind: 'Component', tier: ['Gold'] }],
              },
              { id: 'tam', title: 'TAM' },
            ],
          },
        },
      });
      const res = await request(server)
        .get(`${API}/field-roles/types`)
        .set('Authorization', as(OUTSIDER));
      expect(res.body.roles).toEqual([
        {
          id: 'sre-buddy',
          title: 'SRE buddy',
          requiredFor: [{ kind: ['component'], tier: ['gold'] }],
        },
        { id: 'tam', title: 'TAM', requiredFor: [] },
      ]);
      // checkout-api has no `example.com/criticality` label: nothing missing.
      expect((await roles(CHECKOUT)).missingRequired).toEqual([]);
      const unknown = await put(CHECKOUT, 'csm', [{ ref: RACHEL }]);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain(
        "unknown field role 'csm'; known roles: sre-buddy, tam",
      );
    });
  });

  describe('permission matrix', () => {
    it('answers 401 to every route without credentials', async () => {
      await start();
      const none = mockCredentials.none.header();
      const calls = [
        request(server).get(`${API}/field-roles/types`),
        request(server).get(`${entityPath(CHECKOUT)}/field-roles`),
        request(server).put(rolePath(CHECKOUT, 'tam')).send({ holders: [] }),
        request(server).delete(
          `${rolePath(CHECKOUT, 'tam')}/${encodeURIComponent(RACHEL)}`,
        ),
        request(server).get(`${API}/field-roles/assignments`),
        request(server).get(`${API}/field-roles/audit`),
        request(server).get(`${API}/field-roles/coverage`),
        request(server)
          .post(`${API}/field-roles/import`)
          .send({
            rows: [{ entityRef: CHECKOUT, role: 'tam', holderRef: RACHEL }],
          }),
      ];
      for (const call of calls) {
        const res = await call.set('Authorization', none);
        expect(res.status).toBe(401);
        expect(res.body.error.name).toBe('AuthenticationError');
      }
      expect((await registry()).totalCount).toBe(0);
    });

    it('answers 403 when the policy denies, writing nothing', async () => {
      await start({ permissions: 'deny' });
      const denied = await put(CHECKOUT, 'csm', [{ ref: SAM }]);
      expect(denied.status).toBe(403);
      expect(denied.body.error.name).toBe('NotAllowedError');
      expect(denied.body.error.message).toContain(
        'user-trust.field-role.manage',
      );
      expect((await remove(CHECKOUT, 'tam', RACHEL)).status).toBe(403);
      const imported = await request(server)
        .post(`${API}/field-roles/import`)
        .set('Authorization', as(PLATFORM))
        .send({ rows: [{ entityRef: CHECKOUT, role: 'csm', holderRef: SAM }] });
      expect(imported.status).toBe(403);
      expect(imported.body.error.message).toContain(
        'row 1: not allowed: user-trust.field-role.manage on component:default/checkout-api',
      );
      // Reads stay open to signed-in users.
      const after = await roles(CHECKOUT, OUTSIDER);
      expect(after.assignments).toEqual([]);
      expect((await registry()).totalCount).toBe(0);
      expect(await audit()).toEqual([]);
      expect(refresh).not.toHaveBeenCalled();
    });

    it('lets owners change their own entities only, and the platform team all', async () => {
      await start();
      // The owner (team-a) on checkout-api (team-a) and payments (team-b).
      expect(
        (await put(CHECKOUT, 'tam', [{ ref: RACHEL }], OWNER)).status,
      ).toBe(200);
      const foreign = await put(PAYMENTS, 'tam', [{ ref: RACHEL }], OWNER);
      expect(foreign.status).toBe(403);
      // Someone of another team on checkout-api.
      expect(
        (await put(CHECKOUT, 'csm', [{ ref: SAM }], OUTSIDER)).status,
      ).toBe(403);
      expect((await remove(CHECKOUT, 'tam', RACHEL, OUTSIDER)).status).toBe(
        403,
      );
      // The platform team everywhere.
      expect((await put(PAYMENTS, 'tam', [{ ref: SAM }])).status).toBe(200);
      expect((await put(CHECKOUT, 'csm', [{ ref: SAM }])).status).toBe(200);

      expect(
        (await registry()).items.map((a: any) => [
          a.entityRef,
          a.role,
          a.holderRef,
          a.registeredBy,
        ]),
      ).toEqual([
        [CHECKOUT, 'csm', SAM, PLATFORM],
        [CHECKOUT, 'tam', RACHEL, OWNER],
        [PAYMENTS, 'tam', SAM, PLATFORM],
      ]);

      // Imports are checked entity by entity.
      const rows = [
        { entityRef: CHECKOUT, role: 'devrel', holderRef: SAM },
        { entityRef: PAYMENTS, role: 'devrel', holderRef: SAM },
      ];
      const dry = await request(server)
        .post(`${API}/field-roles/import?dryRun=true`)
        .set('Authorization', as(OWNER))
        .send({ rows });
      expect(dry.status).toBe(200);
      expect(dry.body.errors).toEqual([
        {
          row: 2,
          message: `not allowed: user-trust.field-role.manage on ${PAYMENTS}`,
        },
      ]);
      expect(dry.body.changes).toEqual([
        {
          row: 1,
          entityRef: CHECKOUT,
          role: 'devrel',
          holderRef: SAM,
          change: 'create',
        },
      ]);
      const real = await request(server)
        .post(`${API}/field-roles/import`)
        .set('Authorization', as(OWNER))
        .send({ rows });
      expect(real.status).toBe(403);
      const platform = await request(server)
        .post(`${API}/field-roles/import`)
        .set('Authorization', as(PLATFORM))
        .send({ rows });
      expect(platform.status).toBe(200);
      expect(platform.body.applied).toBe(true);
    });

    it('asks for user-trust.field-role.manage on the entity as a resource', async () => {
      await start();
      await put(CHECKOUT, 'tam', [{ ref: RACHEL }], OWNER);
      expect(permissions!.authorize).toHaveBeenCalledWith(
        [
          {
            permission: userTrustFieldRoleManagePermission,
            resourceRef: CHECKOUT,
          },
        ],
        {
          credentials: expect.objectContaining({
            principal: expect.objectContaining({ userEntityRef: OWNER }),
          }),
        },
      );
    });
  });

  describe('PUT and DELETE', () => {
    beforeEach(() => start());

    it('replaces holders, keeps since of those who stay, and answers the new field roles', async () => {
      const first = await put(CHECKOUT, 'tam', [
        {
          ref: 'rachel.kim',
          accounts: ['acme', ' acme ', 'globex'],
          since: '2025-01-01',
        },
        { ref: 'group:default/customer-success', note: 'backup' },
      ]);
      expect(first.status).toBe(200);
      const body: EntityFieldRoles = first.body;
      expect(body.entityRef).toBe(CHECKOUT);
      expect(body.roles.map(r => r.id)).toEqual([
        'tam',
        'csm',
        'devrel',
        'support',
      ]);
      expect(body.assignments).toEqual([
        expect.objectContaining({
          role: 'tam',
          holderRef: CSM_GROUP,
          accounts: [],
          note: 'backup',
          source: 'registry',
          registeredBy: PLATFORM,
        }),
        expect.objectContaining({
          role: 'tam',
          holderRef: RACHEL,
          accounts: ['acme', 'globex'],
          since: '2025-01-01',
          source: 'registry',
        }),
      ]);
      // A tier-1 service needs tam, csm and support.
      expect(body.missingRequired).toEqual(['csm', 'support']);
      const groupSince = body.assignments[0].since;

      const second = await put(CHECKOUT, 'tam', [
        { ref: CSM_GROUP },
        { ref: SAM, since: '2026-02-01' },
      ]);
      expect(second.status).toBe(200);
      expect(
        second.body.assignments.map((a: any) => [a.holderRef, a.since]),
      ).toEqual([
        [CSM_GROUP, groupSince],
        [SAM, '2026-02-01'],
      ]);
      expect(refresh).toHaveBeenCalledTimes(2);
      expect(refresh).toHaveBeenCalledWith(CHECKOUT, {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ type: 'service' }),
        }),
      });
    });

    it('is idempotent: the same PUT again writes no audit entry', async () => {
      const holders = [{ ref: RACHEL, accounts: ['acme'], note: 'EU' }];
      const first = await put(CHECKOUT, 'tam', holders);
      const again = await put(CHECKOUT, 'tam', holders);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await audit()).toHaveLength(1);
      expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('names the bad field of a PUT, writing nothing', async () => {
      const cases: Array<[object, string]> = [
        [
          { holders: [{ ref: RACHEL }, { ref: 'user:default/nobody' }] },
          'holders[1].ref: user:default/nobody does not exist in the catalog',
        ],
        [
          { holders: [{ ref: CHECKOUT }] },
          `holders[0].ref: ${CHECKOUT} is not a User or Group`,
        ],
        [
          { holders: [{ ref: RACHEL }, { ref: 'Rachel.Kim' }] },
          `holders[1].ref: ${RACHEL} duplicates holders[0]`,
        ],
        [
          { holders: [{ ref: RACHEL, since: 'last spring' }] },
          "holders[0].since: 'last spring' is not an ISO date or date-time",
        ],
        [
          { holders: [{ ref: RACHEL, since: '2026-02-30' }] },
          "holders[0].since: '2026-02-30' is not an ISO date or date-time",
        ],
        [{ holders: [{ ref: RACHEL, role: 'x' }] }, 'holders/0'],
        [{}, "required property 'holders'"],
      ];
      for (const [body, message] of cases) {
        const res = await request(server)
          .put(rolePath(CHECKOUT, 'tam'))
          .set('Authorization', as(PLATFORM))
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toContain(message);
      }
      const unknownRole = await put(CHECKOUT, 'cto', [{ ref: RACHEL }]);
      expect(unknownRole.status).toBe(400);
      expect(unknownRole.body.error.message).toBe(
        "role: unknown field role 'cto'; known roles: tam, csm, devrel, support",
      );
      const hidden = await put('component:default/not-there', 'tam', [
        { ref: RACHEL },
      ]);
      expect(hidden.status).toBe(404);
      expect((await registry()).totalCount).toBe(0);
      expect(await audit()).toEqual([]);
    });

    it('deletes one registry holder by its URL-encoded ref, then answers 404', async () => {
      await put(CHECKOUT, 'tam', [{ ref: RACHEL }, { ref: CSM_GROUP }]);
      const res = await remove(CHECKOUT, 'tam', CSM_GROUP);
      expect(res.status).toBe(204);
      expect(holderRefs(await roles(CHECKOUT), 'tam')).toEqual([RACHEL]);
      // A short ref means a user in the default namespace.
      expect((await remove(CHECKOUT, 'tam', 'rachel.kim')).status).toBe(204);
      const again = await remove(CHECKOUT, 'tam', RACHEL);
      expect(again.status).toBe(404);
      expect(again.body.error.message).toBe(
        `${RACHEL} is not registered as tam of ${CHECKOUT}`,
      );
      expect(refresh).toHaveBeenCalledTimes(3);
    });

    it('records actor, action and before/after in the audit log, newest first', async () => {
      await put(CHECKOUT, 'tam', [{ ref: RACHEL }], OWNER);
      await put(CHECKOUT, 'tam', [{ ref: RACHEL }, { ref: SAM }]);
      await remove(CHECKOUT, 'tam', RACHEL);
      await put(PAYMENTS, 'csm', [{ ref: SAM }]);

      const entries = await audit(`?entityRef=${CHECKOUT}`);
      expect(entries.map(e => [e.action, e.actor])).toEqual([
        ['remove', PLATFORM],
        ['set', PLATFORM],
        ['set', OWNER],
      ]);
      const holders = (list: any[]) => list.map(a => a.holderRef);
      expect(entries.map(e => [holders(e.before), holders(e.after)])).toEqual([
        [[RACHEL, SAM], [SAM]],
        [[RACHEL], [RACHEL, SAM]],
        [[], [RACHEL]],
      ]);
      expect(entries[2].after[0]).toMatchObject({
        entityRef: CHECKOUT,
        role: 'tam',
        source: 'registry',
        registeredBy: OWNER,
      });

      const page = await request(server)
        .get(`${API}/field-roles/audit?limit=2&offset=1`)
        .set('Authorization', as(OWNER));
      expect(page.status).toBe(200);
      expect(page.body.totalCount).toBe(4);
      expect(page.body.items.map((e: any) => e.action)).toEqual([
        'remove',
        'set',
      ]);
      // Audit entries of entities one cannot see are left out.
      const outsider = await request(server)
        .get(`${API}/field-roles/audit`)
        .set('Authorization', as(OUTSIDER));
      expect(outsider.body.totalCount).toBe(3);
      expect(
        outsider.body.items.every((e: any) => e.entityRef === CHECKOUT),
      ).toBe(true);
    });
  });

  describe('catalog annotation seeds', () => {
    beforeEach(() => start());

    it('shows seeds read-only with source catalog, overridden by a registry PUT', async () => {
      const seeded = await roles(SEEDED);
      expect(seeded.assignments).toEqual([
        {
          entityRef: SEEDED,
          role: 'tam',
          holderRef: RACHEL,
          accounts: [],
          since: '',
          source: 'catalog',
        },
        {
          entityRef: SEEDED,
          role: 'support',
          holderRef: CSM_GROUP,
          accounts: [],
          since: '',
          source: 'catalog',
        },
      ]);
      // Not tier-1: only support is required, and seeded.
      expect(seeded.missingRequired).toEqual([]);

      const seedDelete = await remove(SEEDED, 'tam', RACHEL);
      expect(seedDelete.status).toBe(400);
      expect(seedDelete.body.error.message).toContain(
        'user-trust.io/field-role-tam',
      );
      expect(seedDelete.body.error.message).toContain('PUT');

      const override = await put(SEEDED, 'tam', [{ ref: SAM }]);
      expect(override.status).toBe(200);
      expect(
        override.body.assignments.map((a: any) => [
          a.role,
          a.holderRef,
          a.source,
        ]),
      ).toEqual([
        ['tam', SAM, 'registry'],
        ['support', CSM_GROUP, 'catalog'],
      ]);
      // Seeds are not registry assignments.
      expect((await registry(`?entityRef=${SEEDED}`)).items).toHaveLength(1);

      // Without registry holders, the seed shows again.
      expect((await remove(SEEDED, 'tam', SAM)).status).toBe(204);
      expect(
        (await roles(SEEDED)).assignments.map(a => [a.role, a.source]),
      ).toEqual([
        ['tam', 'catalog'],
        ['support', 'catalog'],
      ]);
    });
  });

  describe('GET /field-roles/assignments', () => {
    beforeEach(async () => {
      await start();
      await put(CHECKOUT, 'tam', [{ ref: RACHEL }, { ref: CSM_GROUP }]);
      await put(CHECKOUT, 'csm', [{ ref: SAM }]);
      await put(PAYMENTS, 'tam', [{ ref: RACHEL }]);
    });

    it('filters by entity, role and holder (user or group), and pages', async () => {
      expect((await registry()).totalCount).toBe(4);
      const rachel = await registry(`?holderRef=${encodeURIComponent(RACHEL)}`);
      expect(rachel.items.map((a: any) => a.entityRef)).toEqual([
        CHECKOUT,
        PAYMENTS,
      ]);
      const short = await registry('?holderRef=rachel.kim&role=tam');
      expect(short.totalCount).toBe(2);
      const byGroup = await registry(
        `?holderRef=${encodeURIComponent(CSM_GROUP)}`,
      );
      expect(byGroup.items.map((a: any) => [a.entityRef, a.role])).toEqual([
        [CHECKOUT, 'tam'],
      ]);
      const page = await registry(`?entityRef=${CHECKOUT}&limit=2&offset=1`);
      expect(page.totalCount).toBe(3);
      expect(page.items.map((a: any) => [a.role, a.holderRef])).toEqual([
        ['tam', CSM_GROUP],
        ['tam', RACHEL],
      ]);
      const bad = await request(server)
        .get(`${API}/field-roles/assignments?entityRef=checkout-api`)
        .set('Authorization', as(PLATFORM));
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^entityRef: /);
    });

    it('leaves out entities the user may not see; services see all', async () => {
      const outsider = await request(server)
        .get(`${API}/field-roles/assignments`)
        .set('Authorization', as(OUTSIDER));
      expect(outsider.status).toBe(200);
      expect(outsider.body.totalCount).toBe(3);
      expect(outsider.body.items.map((a: any) => a.entityRef)).not.toContain(
        PAYMENTS,
      );
      expect((await registry()).totalCount).toBe(4);
    });
  });

  describe('POST /field-roles/import', () => {
    beforeEach(async () => {
      await start();
      await put(CHECKOUT, 'tam', [{ ref: RACHEL, accounts: ['acme'] }]);
      refresh.mockClear();
    });

    const importCsv = (csv: string, dryRun?: boolean) =>
      request(server)
        .post(
          `${API}/field-roles/import${
            dryRun === undefined ? '' : `?dryRun=${dryRun}`
          }`,
        )
        .set('Authorization', as(PLATFORM))
        .set('Content-Type', 'text/csv')
        .send(csv);

    const BAD_CSV = [
      'entityRef,role,holderRef,accounts,note,since',
      `${CHECKOUT},csm,${SAM},,,`,
      'component:default/nowhere,tam,sam.lee,,,',
      `${PAYMENTS},tam,user:default/nobody,,,`,
      `${PAYMENTS},cto,${SAM},,,`,
      `${PAYMENTS},tam`,
      `${PAYMENTS},support,${CSM_GROUP},"acme;globex","EU, nights",2026-01-01`,
    ].join('\n');

    it('reports every bad row with its number and writes nothing', async () => {
      const dry = await importCsv(BAD_CSV, true);
      expect(dry.status).toBe(200);
      const result: FieldRoleImportResult = dry.body;
      expect(result.dryRun).toBe(true);
      expect(result.applied).toBe(false);
      expect(result.errors).toEqual([
        {
          row: 2,
          message:
            'entityRef: component:default/nowhere does not exist in the catalog',
        },
        {
          row: 3,
          message:
            'holderRef: user:default/nobody does not exist in the catalog',
        },
        {
          row: 4,
          message:
            "role: unknown field role 'cto'; known roles: tam, csm, devrel, support",
        },
        { row: 5, message: 'malformed CSV line: expected 6 fields, got 2' },
      ]);
      expect(result.changes.map(c => [c.row, c.change])).toEqual([
        [1, 'create'],
        [6, 'create'],
      ]);

      const real = await importCsv(BAD_CSV);
      expect(real.status).toBe(400);
      expect(real.body.error.name).toBe('InputError');
      expect(real.body.error.message).toMatch(
        /^Import rejected, nothing written: row 2: entityRef: .*; row 3: .*; row 4: .*; row 5: malformed CSV line/,
      );
      expect((await registry()).items.map((a: any) => a.holderRef)).toEqual([
        RACHEL,
      ]);
      expect(await audit()).toHaveLength(1);
      expect(refresh).not.toHaveBeenCalled();
    });

    it('reports a quote that never closes with its line', async () => {
      const res = await importCsv(
        [
          'entityRef,role,holderRef',
          `${CHECKOUT},csm,${SAM}`,
          `${CHECKOUT},devrel,"${SAM}`,
        ].join('\n'),
        true,
      );
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([
        {
          row: 2,
          message: expect.stringMatching(/^malformed CSV: Quote Not Closed/),
        },
      ]);
    });

    it('rejects a CSV without the required columns', async () => {
      const res = await importCsv('entityRef,holderRef\nx,y\n', true);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('missing column role');
    });

    it('reports changes on a dry run, then applies them with one audit entry per entity role', async () => {
      const csv = [
        'role,entityRef,holderRef,accounts,note,since',
        `tam,${CHECKOUT},${RACHEL},acme,,`,
        `tam,${CHECKOUT},${SAM},,"Covers EU, nights",2026-01-15`,
        `tam,${CHECKOUT},rachel.kim,acme;globex,,`,
        `support,${PAYMENTS},${CSM_GROUP},,,`,
        '',
      ].join('\n');
      // Row 3 repeats row 1's holder: reported, not merged.
      const dup = await importCsv(csv, true);
      expect(dup.body.errors).toEqual([
        {
          row: 3,
          message: `${RACHEL} as tam of ${CHECKOUT} repeats row 1`,
        },
      ]);

      const good = csv.replace(
        `tam,${CHECKOUT},rachel.kim,acme;globex,,\n`,
        '',
      );
      const dry = await importCsv(good, true);
      expect(dry.status).toBe(200);
      expect(dry.body).toEqual({
        dryRun: true,
        applied: false,
        changes: [
          {
            row: 1,
            entityRef: CHECKOUT,
            role: 'tam',
            holderRef: RACHEL,
            change: 'unchanged',
          },
          {
            row: 2,
            entityRef: CHECKOUT,
            role: 'tam',
            holderRef: SAM,
            change: 'create',
          },
          {
            row: 3,
            entityRef: PAYMENTS,
            role: 'support',
            holderRef: CSM_GROUP,
            change: 'create',
          },
        ],
        errors: [],
      });
      expect((await registry()).totalCount).toBe(1);
      expect(await audit()).toHaveLength(1);

      const real = await importCsv(good, false);
      expect(real.status).toBe(200);
      expect(real.body.applied).toBe(true);
      expect(real.body.changes).toEqual(dry.body.changes);
      const tam = (await roles(CHECKOUT)).assignments.filter(
        a => a.role === 'tam',
      );
      expect(tam).toEqual([
        expect.objectContaining({ holderRef: RACHEL, accounts: ['acme'] }),
        expect.objectContaining({
          holderRef: SAM,
          note: 'Covers EU, nights',
          since: '2026-01-15',
        }),
      ]);
      const imports = (await audit()).filter(e => e.action === 'import');
      expect(imports.map(e => [e.entityRef, e.role, e.actor]).sort()).toEqual([
        [CHECKOUT, 'tam', PLATFORM],
        [PAYMENTS, 'support', PLATFORM],
      ]);
      expect(refresh.mock.calls.map(c => c[0]).sort()).toEqual([
        CHECKOUT,
        PAYMENTS,
      ]);

      // The same import again changes nothing.
      const again = await importCsv(good, false);
      expect(again.body.changes.map((c: any) => c.change)).toEqual([
        'unchanged',
        'unchanged',
        'unchanged',
      ]);
      expect(await audit()).toHaveLength(3);
    });

    it('imports JSON rows, updating accounts of existing holders', async () => {
      const res = await request(server)
        .post(`${API}/field-roles/import?dryRun=false`)
        .set('Authorization', as(PLATFORM))
        .send({
          rows: [
            {
              entityRef: 'Component:default/Checkout-API',
              role: 'tam',
              holderRef: 'rachel.kim',
              accounts: ['acme', 'initech'],
            },
            { entityRef: UI_KIT, role: 'devrel', holderRef: SAM },
          ],
        });
      expect(res.status).toBe(200);
      expect(
        res.body.changes.map((c: any) => [c.row, c.entityRef, c.change]),
      ).toEqual([
        [1, CHECKOUT, 'update'],
        [2, UI_KIT, 'create'],
      ]);
      expect((await roles(CHECKOUT)).assignments[0].accounts).toEqual([
        'acme',
        'initech',
      ]);
      const invalid = await request(server)
        .post(`${API}/field-roles/import`)
        .set('Authorization', as(PLATFORM))
        .send({ rows: [{ entityRef: CHECKOUT, role: 'tam' }] });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.message).toContain('holderRef');
    });
  });

  describe('GET /field-roles/coverage', () => {
    const DAY = 24 * 60 * 60 * 1000;
    function signals(
      entityRef: string,
      kind: 'support_case' | 'incident',
      count: number,
      daysAgo = 2,
    ): SignalInput[] {
      return Array.from({ length: count }, (_, i) => ({
        source: 'test',
        externalId: `${entityRef}-${kind}-${daysAgo}-${i}`,
        kind,
        entityRef,
        occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
      }));
    }

    it('lists blind spots by weight and holders with their portfolio', async () => {
      await start();
      const ingest = await request(server)
        .post(`${API}/signals`)
        .set('Authorization', mockCredentials.service.header())
        .send({
          signals: [
            // checkout-api: 3 cases + 1 incident = 3 + 5 + 1 = 9.
            ...signals(CHECKOUT, 'support_case', 3),
            ...signals(CHECKOUT, 'incident', 1),
            // Older than 28 days: not counted.
            ...signals(CHECKOUT, 'incident', 4, 40),
            // payments: 6 cases = 7.
            ...signals(PAYMENTS, 'support_case', 6),
          ],
        });
      expect(ingest.status).toBe(200);
      await put(PAYMENTS, 'support', [{ ref: CSM_GROUP }]);
      await put(CHECKOUT, 'tam', [{ ref: RACHEL, accounts: ['acme'] }]);

      const res = await request(server)
        .get(`${API}/field-roles/coverage`)
        .set('Authorization', as(PLATFORM));
      expect(res.status).toBe(200);
      const coverage: FieldRoleCoverage = res.body;
      expect(coverage.blindSpots).toEqual([
        {
          entityRef: CHECKOUT,
          title: 'Checkout API',
          missingRoles: ['csm', 'support'],
          recentSupportCases: 3,
          recentIncidents: 1,
          weight: 9,
        },
        {
          entityRef: PAYMENTS,
          missingRoles: ['tam', 'csm'],
          recentSupportCases: 6,
          recentIncidents: 0,
          weight: 7,
        },
      ]);
      // ui-kit is a library: nothing required; seeded-api has its support seed.
      expect(coverage.holders).toEqual([
        {
          holderRef: CSM_GROUP,
          assignments: [
            { entityRef: PAYMENTS, role: 'support', accounts: [] },
            { entityRef: SEEDED, role: 'support', accounts: [] },
          ],
        },
        {
          holderRef: RACHEL,
          assignments: [
            { entityRef: CHECKOUT, role: 'tam', accounts: ['acme'] },
            { entityRef: SEEDED, role: 'tam', accounts: [] },
          ],
        },
      ]);

      const tam = await request(server)
        .get(`${API}/field-roles/coverage?role=tam&holderRef=rachel.kim`)
        .set('Authorization', as(PLATFORM));
      expect(
        tam.body.blindSpots.map((b: any) => [b.entityRef, b.missingRoles]),
      ).toEqual([[PAYMENTS, ['tam']]]);
      expect(tam.body.holders.map((h: any) => h.holderRef)).toEqual([RACHEL]);

      // What the caller may not see is no blind spot of theirs.
      const outsider = await request(server)
        .get(`${API}/field-roles/coverage`)
        .set('Authorization', as(OUTSIDER));
      expect(outsider.body.blindSpots.map((b: any) => b.entityRef)).toEqual([
        CHECKOUT,
      ]);

      const unknown = await request(server)
        .get(`${API}/field-roles/coverage?role=cto`)
        .set('Authorization', as(PLATFORM));
      expect(unknown.status).toBe(400);
    });
  });
});

describe('field-role routes on every database', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          visibilityCatalog().factory,
          mockServices.database.factory({ knex }),
          ownerOrPlatformPermissions().factory,
        ],
      });
      for (const [ref, holders] of [
        [CHECKOUT, [{ ref: RACHEL }, { ref: SAM }]],
        [PAYMENTS, [{ ref: RACHEL }]],
      ] as const) {
        const res = await request(backend.server)
          .put(rolePath(ref, 'tam'))
          .set('Authorization', as(PLATFORM))
          .send({ holders });
        if (res.status !== 200) {
          throw new Error(`PUT failed: ${JSON.stringify(res.body)}`);
        }
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const get = (path: string) =>
      request(backend.server)
        .get(`${API}${path}`)
        .set('Authorization', mockCredentials.service.header());

    /** The message of a 400 InputError. */
    function inputError(res: request.Response): string {
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      return res.body.error.message;
    }

    const NUL = 'must not contain NUL characters (\\u0000)';

    describe('NUL characters, answered 400 naming the field, writing nothing', () => {
      const put = (holders: object[]) =>
        request(backend.server)
          .put(rolePath(CHECKOUT, 'csm'))
          .set('Authorization', as(PLATFORM))
          .send({ holders });
      const importRows = (body: string | object, query = '') => {
        const req = request(backend.server)
          .post(`${API}/field-roles/import${query}`)
          .set('Authorization', as(PLATFORM));
        return typeof body === 'string'
          ? req.set('Content-Type', 'text/csv').send(body)
          : req.send(body);
      };
      const auditCount = async () =>
        (await get('/field-roles/audit')).body.totalCount as number;
      let auditBefore: number;
      beforeEach(async () => {
        auditBefore = await auditCount();
      });

      it.each([
        ['note', { ref: SAM, note: 'night\u0000shift' }, 'holders/0/note'],
        ['ref', { ref: 'user:default/sam\u0000.lee' }, 'holders/0/ref'],
        [
          'account',
          { ref: SAM, accounts: ['ac\u0000me'] },
          'holders/0/accounts/0',
        ],
      ])('in the %s of a PUT', async (_, holder, path) => {
        expect(inputError(await put([holder]))).toBe(
          `request/body/${path} ${NUL}`,
        );
        expect(await auditCount()).toBe(auditBefore);
      });

      it.each([
        ['note', { note: 'x\u0000' }, 'rows/0/note'],
        [
          'holderRef',
          { holderRef: 'user:default/s\u0000am' },
          'rows/0/holderRef',
        ],
        ['account', { accounts: ['acme', '\u0000'] }, 'rows/0/accounts/1'],
      ])('in the %s of a JSON import', async (_, fields, path) => {
        const row = { entityRef: CHECKOUT, role: 'csm', holderRef: SAM };
        expect(
          inputError(await importRows({ rows: [{ ...row, ...fields }] })),
        ).toBe(`request/body/${path} ${NUL}`);
        expect(await auditCount()).toBe(auditBefore);
      });

      it('in the cells of a CSV import, by row and column', async () => {
        const csv = [
          'entityRef,role,holderRef,accounts,note',
          `${CHECKOUT},csm,${SAM},,x\u0000y`,
          `${CHECKOUT},csm,user:default/s\u0000am,,`,
          `${CHECKOUT},devrel,${SAM},ac\u0000me,`,
        ].join('\n');
        expect(inputError(await importRows(csv))).toBe(
          `Import rejected, nothing written: row 1: note: ${NUL}; row 2: holderRef: ${NUL}; row 3: accounts: ${NUL}`,
        );
        const dryRun = await importRows(csv, '?dryRun=true');
        expect(dryRun.status).toBe(200);
        expect(dryRun.body.errors.map((e: any) => e.row)).toEqual([1, 2, 3]);
        expect(await auditCount()).toBe(auditBefore);
      });

      it('in query and path parameters', async () => {
        expect(
          inputError(await get(`/field-roles/assignments?holderRef=sam%00`)),
        ).toBe(`request/query/holderRef ${NUL}`);
        expect(
          inputError(await get(`/field-roles/audit?entityRef=${CHECKOUT}%00`)),
        ).toBe(`request/query/entityRef ${NUL}`);
        const remove = await request(backend.server)
          .delete(`${rolePath(CHECKOUT, 'tam')}/user%3Adefault%2Fsam%00`)
          .set('Authorization', as(PLATFORM));
        expect(inputError(remove)).toBe(`request/params/holderRef ${NUL}`);
        expect(await auditCount()).toBe(auditBefore);
      });
    });

    it('names the unknown property of a PUT body', async () => {
      const res = await request(backend.server)
        .put(rolePath(CHECKOUT, 'csm'))
        .set('Authorization', as(PLATFORM))
        .send({ holders: [{ ref: SAM }, { ref: RACHEL, acounts: ['acme'] }] });
      expect(inputError(res)).toBe(
        "request/body/holders/1 must NOT have additional properties: 'acounts'",
      );
    });

    describe.each(['/field-roles/assignments', '/field-roles/audit'])(
      'GET %s',
      path => {
        it.each([
          ['limit', 'Infinity'],
          ['limit', '1e309'],
          ['limit', '-Infinity'],
          ['limit', '1e2'],
          ['limit', '0x10'],
          ['limit', '1001'],
          ['offset', 'Infinity'],
          ['offset', '1e309'],
          ['offset', '1e20'],
          ['offset', '1000001'],
        ])(
          'answers 400 to %s=%s, naming the parameter',
          async (name, value) => {
            const res = await get(`${path}?${name}=${value}`);
            expect(res.status).toBe(400);
            expect(res.body.error.name).toBe('InputError');
            expect(res.body.error.message).toMatch(new RegExp(`\\b${name}\\b`));
          },
        );

        it('pages with the limit and offset given, up to the largest offset', async () => {
          const page = await get(`${path}?limit=1&offset=1`);
          expect(page.status).toBe(200);
          expect(page.body.items).toHaveLength(1);
          expect(page.body.totalCount).toBeGreaterThan(1);
          const last = await get(`${path}?limit=1000&offset=1000000`);
          expect(last.status).toBe(200);
          expect(last.body.items).toEqual([]);
        });
      },
    );
  });
});
