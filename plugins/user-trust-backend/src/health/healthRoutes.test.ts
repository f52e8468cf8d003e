import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  HealthListResponse,
  HealthRollupsResponse,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import request from 'supertest';
import userTrustPlugin from '../index';

jest.setTimeout(60_000);

const API = '/api/user-trust';
const DAY = 24 * 60 * 60 * 1000;
const SRE = 'user:default/sre';
const OUTSIDER = 'user:default/outsider';
const NOBODY = 'user:default/nobody';
const RACHEL = 'user:default/rachel.kim';
const SECRET = 'component:default/secret-ledger';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'rachel.kim' },
    spec: { memberOf: ['customer-success'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'customer-success' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'shop' },
    spec: { owner: 'team-a', domain: 'commerce' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'billing' },
    spec: { owner: 'team-b', domain: 'finance' },
  },
  component('checkout-api', 'team-a', 'shop', {
    'user-trust.io/field-role-tam': 'rachel.kim',
  }),
  component('cart', 'team-a', 'shop'),
  component('payments', 'team-b', 'billing'),
  component('secret-ledger', 'team-b', 'billing'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: 'search-api',
      title: 'Search API',
      annotations: {
        'user-trust.io/field-role-support': 'group:default/customer-success',
      },
    },
    spec: { type: 'openapi', lifecycle: 'production', owner: 'team-c' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'orders-db' },
    spec: { type: 'database', owner: 'team-a' },
  },
];

function component(
  name: string,
  owner: string,
  system: string,
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...(annotations ? { annotations } : {}) },
    spec: { type: 'service', lifecycle: 'production', owner, system },
  };
}

const userRef = (credentials?: BackstageCredentials) =>
  (credentials?.principal as Partial<BackstageUserPrincipal> | undefined)
    ?.userEntityRef;

/**
 * The catalog as its permission filtering would answer: the outsider may
 * not see the secret ledger.
 */
function visibilityCatalog() {
  const inner = catalogServiceMock({ entities });
  const hidden = (options?: { credentials?: BackstageCredentials }) =>
    userRef(options?.credentials) === OUTSIDER ? new Set([SECRET]) : new Set();
  const catalog = {
    ...inner,
    async getEntitiesByRefs(req: any, options: any) {
      const { items } = await inner.getEntitiesByRefs(req);
      return {
        items: items.map(e =>
          e && !hidden(options).has(stringifyEntityRef(e)) ? e : undefined,
        ),
      };
    },
    async *streamEntities(req: any, options: any) {
      for await (const page of inner.streamEntities(req)) {
        yield page.filter(e => !hidden(options).has(stringifyEntityRef(e)));
      }
    },
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog as any,
  });
}

/**
 * Catalog reads as a policy would decide them: everyone may read every
 * entity, the outsider only some (a conditional decision), nobody none.
 */
const permissions = mockServices.permissions.mock({
  authorize: jest.fn(async (requests: any[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  ) as any,
  authorizeConditional: jest.fn(async (requests: any[], options: any) =>
    requests.map(() => {
      const ref = userRef(options?.credentials);
      if (ref === OUTSIDER) {
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims: [ref] },
          },
        };
      }
      return {
        result: ref === NOBODY ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      };
    }),
  ) as any,
});

const daysAgo = (days: number) =>
  new Date(Date.now() - days * DAY - 60_000).toISOString();

/** Cases for cart (5 this week, 2 the week before); a critical incident on checkout. */
const SIGNALS: SignalInput[] = [
  ...[1, 2, 3, 4, 5, 9, 10].map((day, i) => ({
    source: 'zendesk',
    externalId: `cart-${i}`,
    kind: 'support_case' as const,
    entityRef: 'component:default/cart',
    occurredAt: daysAgo(day),
  })),
  {
    source: 'pagerduty',
    externalId: 'inc-1',
    kind: 'incident',
    entityRef: 'component:default/checkout-api',
    occurredAt: daysAgo(1),
    severity: 'critical',
  },
];

describe('health routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    // Tasks run when the test triggers them.
    const scheduler = mockServices.scheduler();

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          visibilityCatalog(),
          mockServices.database.factory({ knex }),
          permissions.factory,
          createServiceFactory({
            service: coreServices.scheduler,
            deps: {},
            factory: () => scheduler,
          }),
          createServiceFactory({
            service: coreServices.userInfo,
            deps: {},
            factory: () =>
              mockServices.userInfo({
                ownershipEntityRefs: [RACHEL, 'group:default/customer-success'],
              }),
          }),
        ],
      });
      const ingest = await request(backend.server)
        .post(`${API}/signals`)
        .set('Authorization', mockCredentials.service.header())
        .send({ signals: SIGNALS });
      if (ingest.status !== 200) {
        throw new Error(`Ingest failed: ${JSON.stringify(ingest.body)}`);
      }
      await scheduler.triggerTask('user-trust:health:refresh-all');
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const get = (path: string, who = SRE) =>
      request(backend.server)
        .get(`${API}${path}`)
        .set('Authorization', mockCredentials.user.header(who));
    async function list(query = '', who = SRE): Promise<HealthListResponse> {
      const res = await get(`/health${query}`, who);
      expect(res.body.error?.message).toBeUndefined();
      expect(res.status).toBe(200);
      return res.body;
    }
    const refs = (body: HealthListResponse) => body.items.map(r => r.entityRef);

    it('lists every component and API with its health, burning fastest first', async () => {
      const body = await list();
      expect(body.totalCount).toBe(5);
      expect(refs(body)[0]).toBe('component:default/checkout-api');
      // Systems, groups, users and resources are not listed by default.
      expect(refs(body)).not.toContain('component:default/orders-db');
      const checkout = body.items[0];
      expect(checkout).toMatchObject({
        kind: 'component',
        owner: 'group:default/team-a',
        system: 'system:default/shop',
        domain: 'domain:default/commerce',
        status: 'breached',
        incidents: { last7d: 1, previous7d: 0 },
        fieldRoles: [{ role: 'tam', holderRef: RACHEL }],
      });
      expect(checkout.fastestBurn!.rate).toBeGreaterThan(1);
      expect(checkout.sloCounts.breached).toBeGreaterThanOrEqual(1);
      const cart = body.items.find(r => r.name === 'cart')!;
      expect(cart.supportCases).toEqual({ last7d: 5, previous7d: 2 });
      const api = body.items.find(r => r.kind === 'api')!;
      expect(api).toMatchObject({ title: 'Search API', status: 'no-data' });
      expect(body.statusCounts.breached).toBe(1);
      expect(body.facets.owner.map(f => f.value).sort()).toEqual([
        'group:default/team-a',
        'group:default/team-b',
        'group:default/team-c',
      ]);
    });

    it('filters, sorts and pages on the server', async () => {
      expect(refs(await list('?owner=group:default/team-a&sort=name'))).toEqual(
        ['component:default/cart', 'component:default/checkout-api'],
      );
      expect(
        refs(await list('?domain=domain:default/finance&kind=component')),
      ).toEqual(
        [
          'component:default/payments',
          'component:default/secret-ledger',
        ].sort(),
      );
      expect(refs(await list('?sort=cases&limit=1'))).toEqual([
        'component:default/cart',
      ]);
      const second = await list('?sort=name&limit=2&offset=2');
      expect(second).toMatchObject({ totalCount: 5, offset: 2, limit: 2 });
      expect(refs(second)).toEqual([
        'component:default/payments',
        'api:default/search-api',
      ]);
      expect(refs(await list('?q=SEARCH'))).toEqual(['api:default/search-api']);
      expect(refs(await list('?status=breached&status=at-risk'))).toEqual([
        'component:default/checkout-api',
      ]);
      // The default role types require a support lead for every service.
      const blind = await list('?blindSpot=true&kind=component');
      expect(blind.totalCount).toBe(4);
      expect(blind.items.every(r => r.missingRoles.includes('support'))).toBe(
        true,
      );
      expect(refs(await list('?blindSpot=false'))).toEqual([
        'api:default/search-api',
      ]);
    });

    it('shows a field-role holder the services of their portfolio', async () => {
      // Rachel is the TAM of checkout; her group the support of search.
      expect(refs(await list('?holder=me&sort=name', RACHEL))).toEqual([
        'component:default/checkout-api',
        'api:default/search-api',
      ]);
      expect(refs(await list(`?holder=${RACHEL}`))).toEqual([
        'component:default/checkout-api',
      ]);
      const res = await request(backend.server)
        .get(`${API}/health?holder=me`)
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/holder=me/);
    });

    it('never shows or counts an entity the caller may not see', async () => {
      const outsider = await list('', OUTSIDER);
      expect(outsider.totalCount).toBe(4);
      expect(refs(outsider)).not.toContain(SECRET);
      expect(
        outsider.facets.system.find(f => f.value === 'system:default/billing'),
      ).toEqual({ value: 'system:default/billing', count: 1 });
      const rollups = await get('/health/rollups?by=system', OUTSIDER);
      expect(
        (rollups.body as HealthRollupsResponse).items.find(
          r => r.key === 'system:default/billing',
        )?.entities,
      ).toBe(1);
      const csv = await get('/health/export', OUTSIDER);
      expect(csv.text).not.toContain('secret-ledger');
      expect(await list('', NOBODY)).toMatchObject({
        items: [],
        totalCount: 0,
        statusCounts: { breached: 0, healthy: 0 },
      });
    });

    it('sums up by group, system and domain', async () => {
      const res = await get('/health/rollups?by=domain');
      expect(res.status).toBe(200);
      const body = res.body as HealthRollupsResponse;
      expect(body.by).toBe('domain');
      expect(body.items.map(r => [r.key, r.entities])).toEqual([
        ['domain:default/commerce', 2],
        ['domain:default/finance', 2],
        [null, 1],
      ]);
      expect(body.items[0].statusCounts.breached).toBe(1);
      expect(body.items[0].supportCases).toEqual({ last7d: 5, previous7d: 2 });
      const teams = await get('/health/rollups?by=group&kind=api');
      expect(teams.body.items.map((r: any) => r.key)).toEqual([
        'group:default/team-c',
      ]);
    });

    it('exports the filtered view as CSV', async () => {
      const res = await get(
        '/health/export?owner=group:default/team-a&sort=name',
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toContain(
        'user-trust-health.csv',
      );
      const lines = res.text.trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(/^component:default\/cart,/);
      expect(lines[2]).toMatch(/^component:default\/checkout-api,/);
    });

    it.each([
      [
        'an unknown parameter',
        '?colour=red',
        /Unknown query parameter 'colour'/,
      ],
      ['a huge limit', '?limit=100000', /limit/],
      ['an infinite limit', '?limit=Infinity', /limit/],
      ['a limit beyond double precision', '?limit=1e309', /limit/],
      ['a limit in exponent notation', '?limit=1e2', /limit/],
      ['a hexadecimal limit', '?limit=0x10', /limit/],
      ['a negative offset', '?offset=-1', /offset/],
      ['an infinite offset', '?offset=Infinity', /offset/],
      ['an offset beyond double precision', '?offset=1e309', /offset/],
      ['an offset beyond bigint', '?offset=1e20', /offset/],
      ['a non-numeric limit', '?limit=1;DROP TABLE x', /limit/],
      ['an unknown sort column', '?sort=entity_ref;--', /sort/],
      ['an unknown order', '?order=sideways', /order/],
      ['an unknown status', '?status=on-fire', /status/],
      ['a non-boolean flag', '?dissonance=maybe', /dissonance/],
      ['an overlong search', `?q=${'x'.repeat(201)}`, /q/],
    ])('answers 400 to %s, naming it', async (_, query, message) => {
      const res = await get(`/health${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('answers injection attempts in filter values with an empty list', async () => {
      for (const value of [
        "' OR '1'='1",
        'group:default/team-a%27%20OR%201=1--',
        '"; DELETE FROM user_trust_entity_health; --',
      ]) {
        const body = await list(`?owner=${encodeURIComponent(value)}`);
        expect(body.totalCount).toBe(0);
      }
      expect((await list()).totalCount).toBe(5);
    });

    it('answers 400 to rollups without or with an unknown dimension', async () => {
      expect((await get('/health/rollups')).status).toBe(400);
      const res = await get('/health/rollups?by=planet');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/by/);
    });

    it('answers 401 without credentials', async () => {
      for (const path of [
        '/health',
        '/health/rollups?by=group',
        '/health/export',
      ]) {
        const res = await request(backend.server)
          .get(`${API}${path}`)
          .set('Authorization', mockCredentials.none.header());
        expect(res.status).toBe(401);
      }
    });

    it('brings the rows of entities with new signals up to date', async () => {
      const ingest = await request(backend.server)
        .post(`${API}/signals`)
        .set('Authorization', mockCredentials.service.header())
        .send({
          signals: [
            {
              source: 'zendesk',
              externalId: 'payments-1',
              kind: 'support_case',
              entityRef: 'component:default/payments',
              occurredAt: daysAgo(1),
            },
          ],
        });
      expect(ingest.status).toBe(200);
      await scheduler.triggerTask('user-trust:health:refresh-changed');
      const payments = (await list('?q=payments')).items[0];
      expect(payments.supportCases.last7d).toBe(1);
      // Its domain comes through its system, read by ref for this refresh.
      expect(payments.domain).toBe('domain:default/finance');
    });
  });
});
