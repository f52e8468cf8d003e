import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  SignalInput,
  userTrustFieldRoleManagePermission,
  userTrustSignalCreatePermission,
  userTrustSloUpdatePermission,
  userTrustSourceManagePermission,
} from '@user-trust/plugin-user-trust-common';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { userTrustConnectorsExtensionPoint } from '@user-trust/plugin-user-trust-node';
import request from 'supertest';
import userTrustPlugin from '../index';
import { spec } from '../schema/openapi.generated';

/*
 * Every route of the API (src/schema/openapi.yaml) against every kind of
 * caller, under the example portal's permission policy: reads for everyone
 * signed in, ingestion for the platform team and integrations, changes to
 * an entity's SLOs and field roles for the platform team, integrations and
 * the entity's owners.
 */

jest.setTimeout(120_000);

const API = '/api/user-trust';
const PLATFORM = 'user:default/platform-person';
const OWNER = 'user:default/owner-person';
const OTHER = 'user:default/other-person';
const RACHEL = 'user:default/rachel.kim';
const CHECKOUT = 'component:default/checkout-api';
const ENTITY = `${API}/entities/component/default/checkout-api`;

function user(name: string, groups: string[]): Entity {
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

const entities: Entity[] = [
  user('platform-person', ['platform']),
  user('owner-person', ['team-a']),
  user('other-person', ['team-b']),
  user('rachel.kim', ['customer-success']),
  ...['platform', 'team-a', 'team-b', 'customer-success'].map(group),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    // As the catalog's processing derives it from spec.owner.
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  },
];
const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));

/** A user's ownership refs, as user info resolves them from the catalog. */
function ownershipOf(userEntityRef: string): string[] {
  const groups = (byRef.get(userEntityRef)?.spec?.memberOf ?? []) as string[];
  return [userEntityRef, ...groups.map(g => `group:default/${g}`)];
}

/**
 * The rules of the example portal's policy,
 * packages/backend/src/permissionPolicy.ts (the portal depends on this
 * plugin, so the plugin cannot import it): the four User Trust permissions
 * are changes; the platform group may make all, other users those on the
 * entities they own (a catalog condition), nobody without a user any.
 */
class ExamplePortalPolicy implements PermissionPolicy {
  async handle(
    { permission }: PolicyQuery,
    policyUser?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const changes = [
      userTrustSignalCreatePermission,
      userTrustSloUpdatePermission,
      userTrustFieldRoleManagePermission,
      userTrustSourceManagePermission,
    ];
    if (!changes.some(p => isPermission(permission, p))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!policyUser) return { result: AuthorizeResult.DENY };
    const claims = policyUser.info.ownershipEntityRefs;
    if (claims.includes('group:default/platform')) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isResourcePermission(permission, 'catalog-entity')) {
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims },
        },
      };
    }
    return { result: AuthorizeResult.DENY };
  }
}

/** What the catalog's IS_ENTITY_OWNER rule (and the criteria) decide. */
function applies(
  criteria: PermissionCriteria<PermissionCondition>,
  entity: Entity,
): boolean {
  if ('allOf' in criteria) return criteria.allOf.every(c => applies(c, entity));
  if ('anyOf' in criteria) return criteria.anyOf.some(c => applies(c, entity));
  if ('not' in criteria) return !applies(criteria.not, entity);
  if (criteria.rule !== 'IS_ENTITY_OWNER') {
    throw new Error(`No rule ${criteria.rule} in this test`);
  }
  const claims = (criteria.params as { claims: string[] }).claims;
  return (entity.relations ?? []).some(
    r => r.type === 'ownedBy' && claims.includes(r.targetRef),
  );
}

/**
 * The permissions service as it runs in the portal: service principals
 * (tokens without access restrictions) are allowed without the policy;
 * users get the policy's decision for their ownership refs, a conditional
 * one resolved against the entity as the catalog would.
 */
function portalPermissions() {
  const policy = new ExamplePortalPolicy();
  const decide = async (
    permission: Permission,
    credentials: BackstageCredentials,
  ): Promise<PolicyDecision> => {
    const principal = credentials.principal as
      | { type: 'service' | 'none' }
      | BackstageUserPrincipal;
    if (principal.type === 'service') {
      return { result: AuthorizeResult.ALLOW };
    }
    const ref = principal.type === 'user' ? principal.userEntityRef : undefined;
    return policy.handle(
      { permission },
      ref
        ? {
            credentials: credentials as any,
            info: { userEntityRef: ref, ownershipEntityRefs: ownershipOf(ref) },
          }
        : undefined,
    );
  };
  return mockServices.permissions.mock({
    authorize: (async (
      requests: Array<{ permission: Permission; resourceRef?: string }>,
      options: { credentials: BackstageCredentials },
    ) =>
      Promise.all(
        requests.map(async ({ permission, resourceRef }) => {
          const decision = await decide(permission, options.credentials);
          if (decision.result !== AuthorizeResult.CONDITIONAL) {
            return { result: decision.result };
          }
          const entity = byRef.get(resourceRef ?? '');
          return {
            result:
              entity && applies(decision.conditions, entity)
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          };
        }),
      )) as any,
    authorizeConditional: (async (
      queries: Array<{ permission: Permission }>,
      options: { credentials: BackstageCredentials },
    ) =>
      Promise.all(
        queries.map(q => decide(q.permission, options.credentials)),
      )) as any,
  });
}

const SLO = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-csat
spec:
  service: checkout
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  indicator:
    metadata:
      name: csat-good
    spec:
      ratioMetric:
        good:
          metricSource:
            type: UserTrust
            spec:
              kind: csat_response
              valueAtLeast: 4
        total:
          metricSource:
            type: UserTrust
            spec:
              kind: csat_response
  objectives:
    - target: 0.95
`;

function signal(externalId: string): SignalInput {
  return {
    source: 'zendesk',
    externalId,
    kind: 'support_case',
    entityRef: CHECKOUT,
    occurredAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
  };
}

type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];

const SERVICE = mockCredentials.service.header();

/** The callers, by the Authorization header they send. */
const CALLERS = {
  'no credentials': mockCredentials.none.header(),
  'an invalid token': mockCredentials.user.invalidHeader(),
  'a platform user': mockCredentials.user.header(PLATFORM),
  'an owner of the entity': mockCredentials.user.header(OWNER),
  'another user': mockCredentials.user.header(OTHER),
  'a service principal': SERVICE,
};
type Caller = keyof typeof CALLERS;

type Access = 'read' | 'ingest' | 'change' | 'manage' | 'webhook';

/** Who gets what: `ok` is the route's success status (2xx). */
const MATRIX: Record<Access, Record<Caller, 'ok' | 401 | 403>> = {
  read: {
    'no credentials': 401,
    'an invalid token': 401,
    'a platform user': 'ok',
    'an owner of the entity': 'ok',
    'another user': 'ok',
    'a service principal': 'ok',
  },
  ingest: {
    'no credentials': 401,
    'an invalid token': 401,
    'a platform user': 'ok',
    'an owner of the entity': 403,
    'another user': 403,
    'a service principal': 'ok',
  },
  change: {
    'no credentials': 401,
    'an invalid token': 401,
    'a platform user': 'ok',
    'an owner of the entity': 'ok',
    'another user': 403,
    'a service principal': 'ok',
  },
  manage: {
    'no credentials': 401,
    'an invalid token': 401,
    'a platform user': 'ok',
    'an owner of the entity': 403,
    'another user': 403,
    'a service principal': 'ok',
  },
  // Vendors send no Backstage credentials; the connector checks its own
  // signature (here: none), whatever the Authorization header says.
  webhook: {
    'no credentials': 'ok',
    'an invalid token': 'ok',
    'a platform user': 'ok',
    'an owner of the entity': 'ok',
    'another user': 'ok',
    'a service principal': 'ok',
  },
};

/** A connector that takes every delivery and has a sync. */
const connectorModule = createBackendModule({
  pluginId: 'user-trust',
  moduleId: 'authorization-test-connector',
  register(env) {
    env.registerInit({
      deps: { connectors: userTrustConnectorsExtensionPoint },
      async init({ connectors }) {
        connectors.addConnector({
          id: 'acme',
          title: 'Acme',
          handleWebhook: async () => ({ status: 202, outcome: 'ignored' }),
          sync: {
            schedule: {
              frequency: { hours: 1 },
              timeout: { minutes: 1 },
              initialDelay: { hours: 1 },
            },
            run: async () => {},
          },
        });
      },
    });
  },
});

interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  /** The path as the OpenAPI spec names it. */
  path: string;
  access: Access;
  /** The request's URL (default: API + path). */
  url?: string;
  body?: string | object;
  contentType?: string;
  ok: number;
  /** Brings about what the request needs, as a service principal. */
  setup?(server: Server): Promise<unknown>;
}

const putSlos = (server: Server) =>
  request(server)
    .put(`${ENTITY}/slos`)
    .set('Authorization', SERVICE)
    .set('Content-Type', 'application/yaml')
    .send(SLO)
    .expect(200);

const putTam = (server: Server) =>
  request(server)
    .put(`${ENTITY}/field-roles/tam`)
    .set('Authorization', SERVICE)
    .send({ holders: [{ ref: RACHEL }] })
    .expect(200);

const ROUTES: Route[] = [
  {
    method: 'post',
    path: '/signals',
    access: 'ingest',
    body: { signals: [signal('case-1')] },
    ok: 200,
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/summary',
    access: 'read',
    ok: 200,
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/trust',
    access: 'read',
    ok: 200,
  },
  {
    method: 'post',
    path: '/trust/batch',
    access: 'read',
    body: { entityRefs: [CHECKOUT] },
    ok: 200,
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/slos',
    access: 'read',
    ok: 200,
  },
  {
    method: 'put',
    path: '/entities/{kind}/{namespace}/{name}/slos',
    access: 'change',
    body: SLO,
    contentType: 'application/yaml',
    ok: 200,
  },
  {
    method: 'delete',
    path: '/entities/{kind}/{namespace}/{name}/slos',
    access: 'change',
    setup: putSlos,
    ok: 204,
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/alerts',
    access: 'read',
    ok: 200,
  },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/signals',
    access: 'read',
    ok: 200,
  },
  {
    method: 'post',
    path: '/slos/validate',
    access: 'read',
    body: SLO,
    contentType: 'text/plain',
    ok: 200,
  },
  { method: 'get', path: '/field-roles/types', access: 'read', ok: 200 },
  {
    method: 'get',
    path: '/entities/{kind}/{namespace}/{name}/field-roles',
    access: 'read',
    ok: 200,
  },
  {
    method: 'put',
    path: '/entities/{kind}/{namespace}/{name}/field-roles/{role}',
    url: `${ENTITY}/field-roles/tam`,
    access: 'change',
    body: { holders: [{ ref: RACHEL }] },
    ok: 200,
  },
  {
    method: 'delete',
    path: '/entities/{kind}/{namespace}/{name}/field-roles/{role}/{holderRef}',
    url: `${ENTITY}/field-roles/tam/${encodeURIComponent(RACHEL)}`,
    access: 'change',
    setup: putTam,
    ok: 204,
  },
  { method: 'get', path: '/field-roles/assignments', access: 'read', ok: 200 },
  { method: 'get', path: '/field-roles/audit', access: 'read', ok: 200 },
  {
    method: 'post',
    path: '/field-roles/import',
    access: 'change',
    body: { rows: [{ entityRef: CHECKOUT, role: 'csm', holderRef: RACHEL }] },
    ok: 200,
  },
  { method: 'get', path: '/field-roles/coverage', access: 'read', ok: 200 },
  { method: 'get', path: '/health', access: 'read', ok: 200 },
  { method: 'get', path: '/health/export', access: 'read', ok: 200 },
  {
    method: 'get',
    path: '/health/rollups',
    url: `${API}/health/rollups?by=group`,
    access: 'read',
    ok: 200,
  },
  { method: 'get', path: '/sources', access: 'read', ok: 200 },
  {
    method: 'post',
    path: '/sources/{source}/resync',
    url: `${API}/sources/acme/resync`,
    access: 'manage',
    ok: 202,
  },
  {
    method: 'post',
    path: '/sources/{source}/mappings',
    url: `${API}/sources/acme/mappings`,
    access: 'manage',
    body: { serviceId: 'svc-1', entityRef: CHECKOUT },
    ok: 200,
  },
  {
    method: 'post',
    path: '/imports/signals',
    url: `${API}/imports/signals?dryRun=true`,
    access: 'ingest',
    body: {
      source: 'crm-export',
      format: 'csv',
      content: `id,service,created\ncase-9,${CHECKOUT},${new Date().toISOString()}\n`,
      mapping: {
        columns: {
          externalId: 'id',
          entityRef: 'service',
          occurredAt: 'created',
        },
        defaults: { kind: 'support_case' },
      },
    },
    ok: 200,
  },
  { method: 'get', path: '/imports/mappings', access: 'read', ok: 200 },
  {
    method: 'put',
    path: '/imports/mappings/{importSource}',
    url: `${API}/imports/mappings/crm-export`,
    access: 'ingest',
    body: { columns: { externalId: 'id' } },
    ok: 200,
  },
  {
    method: 'post',
    path: '/webhooks/{source}',
    url: `${API}/webhooks/acme`,
    access: 'webhook',
    body: { event: 'test' },
    ok: 202,
  },
  {
    method: 'post',
    path: '/webhooks/{source}/{token}',
    url: `${API}/webhooks/acme/some-token`,
    access: 'webhook',
    body: { event: 'test' },
    ok: 202,
  },
];

/** The concrete URL of a route: its path with the example entity. */
function urlOf(route: Route): string {
  return (
    route.url ??
    API +
      route.path.replace(
        '{kind}/{namespace}/{name}',
        'component/default/checkout-api',
      )
  );
}

describe('authorization of every route under the example policy', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let server: Server;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        userTrustPlugin,
        connectorModule,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({ knex }),
        portalPermissions().factory,
      ],
    });
    server = backend.server;
  });

  it('covers every route of the OpenAPI spec', () => {
    const specRoutes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map(method => `${method} ${path}`),
    );
    expect(ROUTES.map(r => `${r.method} ${r.path}`).sort()).toEqual(
      specRoutes.sort(),
    );
  });

  describe.each(
    ROUTES.map(route => ({
      route,
      name: `${route.method.toUpperCase()} ${route.path}`,
    })),
  )('$name', ({ route }) => {
    const cases = Object.entries(MATRIX[route.access]).map(
      ([caller, expected]) => ({
        caller: caller as Caller,
        status: expected === 'ok' ? route.ok : expected,
      }),
    );

    it.each(cases)('$caller: $status', async ({ caller, status }) => {
      await route.setup?.(server);
      let req = request(server)
        [route.method](urlOf(route))
        .set('Authorization', CALLERS[caller]);
      if (route.contentType) req = req.set('Content-Type', route.contentType);
      const res = await (route.body === undefined ? req : req.send(route.body));
      expect({ status: res.status, error: res.body?.error?.name }).toEqual({
        status,
        error: {
          401: 'AuthenticationError',
          403: 'NotAllowedError',
        }[status as 401 | 403],
      });
    });
  });

  it('stores nothing of a refused batch of signals', async () => {
    const refused = await request(server)
      .post(`${API}/signals`)
      .set('Authorization', CALLERS['an owner of the entity'])
      .send({ signals: [signal('refused')] });
    expect(refused.status).toBe(403);
    const listed = await request(server)
      .get(`${ENTITY}/signals`)
      .set('Authorization', CALLERS['a platform user']);
    expect(listed.status).toBe(200);
    expect(
      listed.body.items.map((s: SignalInput) => s.externalId),
    ).not.toContain('refused');
  });
});
