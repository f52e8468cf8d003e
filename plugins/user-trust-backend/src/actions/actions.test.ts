import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  addDays,
  dayKey,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import request from 'supertest';
import userTrustPlugin from '../index';

jest.setTimeout(60_000);

const SRE = 'user:default/sre';
const RACHEL = 'user:default/rachel.kim';
/** May not see the secret ledger. */
const OUTSIDER = 'user:default/outsider';
/** May read, but not send signals. */
const READER = 'user:default/reader';
const CHECKOUT = 'component:default/checkout-api';
const CART = 'component:default/cart';
const SECRET = 'component:default/secret-ledger';

function component(
  name: string,
  owner: string,
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      title: name === 'checkout-api' ? 'Checkout API' : undefined,
      ...(annotations ? { annotations } : {}),
    },
    spec: { type: 'service', lifecycle: 'production', owner, system: 'shop' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'rachel.kim' },
    spec: { memberOf: ['customer-success'] },
    relations: [
      { type: 'memberOf', targetRef: 'group:default/customer-success' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'customer-success' },
    spec: { type: 'team', children: [] },
  },
  component('checkout-api', 'team-a', {
    'user-trust.io/field-role-tam': 'rachel.kim',
  }),
  component('cart', 'team-a', {
    'user-trust.io/field-role-csm': 'group:default/customer-success',
  }),
  component('secret-ledger', 'team-b', {
    'user-trust.io/field-role-tam': 'rachel.kim',
  }),
];

const userRef = (credentials?: BackstageCredentials) =>
  (credentials?.principal as Partial<BackstageUserPrincipal> | undefined)
    ?.userEntityRef;

/** The catalog as its permission filtering would answer it. */
function visibilityCatalog() {
  const inner = catalogServiceMock({ entities });
  const hidden = (options?: { credentials?: BackstageCredentials }) =>
    userRef(options?.credentials) === OUTSIDER ? new Set([SECRET]) : new Set();
  const catalog = {
    ...inner,
    async getEntityByRef(ref: any, options: any) {
      const entity = await inner.getEntityByRef(ref);
      return entity && !hidden(options).has(stringifyEntityRef(entity))
        ? entity
        : undefined;
    },
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
 * Policy: everyone may read the catalog (the outsider only some of it,
 * conditionally); everyone but the reader may send signals.
 */
const permissions = mockServices.permissions.mock({
  authorize: jest.fn(async (requests: any[], options: any) =>
    requests.map(() => ({
      result:
        userRef(options?.credentials) === READER
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
  ) as any,
  authorizeConditional: jest.fn(async (requests: any[], options: any) =>
    requests.map(() =>
      userRef(options?.credentials) === OUTSIDER
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [OUTSIDER] },
            },
          }
        : { result: AuthorizeResult.ALLOW },
    ),
  ) as any,
});

/** UTC day `daysAgo` before today, at `time`. */
const at = (daysAgo: number, time = '00:00:00.000') =>
  `${addDays(dayKey(new Date()), -daysAgo)}T${time}Z`;

/**
 * checkout-api: monitoring green (Prometheus 99.95 %) while users are
 * unhappy (CSAT 1) and open cases; cart: a few cases; the secret ledger
 * an incident.
 */
function signals(): SignalInput[] {
  const out: SignalInput[] = [];
  for (let d = 1; d <= 20; d++) {
    out.push({
      source: 'prometheus',
      externalId: `checkout:${d}`,
      kind: 'sli_report',
      entityRef: CHECKOUT,
      occurredAt: at(d),
      value: 0.9995,
      attributes:
        d === 1 ? { ratioQuery: 'avg_over_time(slo:checkout:ratio[1d])' } : {},
    });
  }
  for (let i = 0; i < 20; i++) {
    out.push({
      source: 'survey',
      externalId: `csat-${i}`,
      kind: 'csat_response',
      entityRef: CHECKOUT,
      occurredAt: at(1 + (i % 10), '12:00:00.000'),
      value: 1,
    });
  }
  for (let i = 0; i < 6; i++) {
    out.push({
      source: 'zendesk',
      externalId: `case-${i}`,
      kind: 'support_case',
      entityRef: i < 4 ? CHECKOUT : CART,
      occurredAt: at(1 + i, '08:00:00.000'),
      severity: 'high',
    });
  }
  out.push({
    source: 'pagerduty',
    externalId: 'inc-1',
    kind: 'incident',
    entityRef: SECRET,
    occurredAt: at(1, '09:00:00.000'),
    severity: 'critical',
  });
  return out;
}

describe('User Trust actions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    const registry = actionsRegistryServiceMock();
    const scheduler = mockServices.scheduler();

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          visibilityCatalog(),
          mockServices.database.factory({ knex }),
          permissions.factory,
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://portal.example.com' },
              userTrust: { evaluation: { cacheSeconds: 0 } },
            },
          }),
          createServiceFactory({
            service: actionsRegistryServiceRef,
            deps: {},
            factory: () => registry,
          }),
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
        .post('/api/user-trust/signals')
        .set('Authorization', mockCredentials.service.header())
        .send({ signals: signals() });
      if (ingest.status !== 200) {
        throw new Error(`ingest failed: ${JSON.stringify(ingest.body)}`);
      }
      await scheduler.triggerTask('user-trust:health:refresh-all');
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const invoke = async (name: string, input: object, who = SRE) =>
      (
        await registry.invoke({
          id: `test:${name}`,
          input: input as any,
          credentials: mockCredentials.user(who),
        })
      ).output as any;

    it('registers every action with its attributes', async () => {
      const { actions } = await registry.list();
      expect(
        actions.map(a => [
          a.name,
          a.attributes.readOnly,
          a.attributes.idempotent,
        ]),
      ).toEqual([
        ['get-entity-user-trust', true, true],
        ['list-services-losing-trust', true, true],
        ['get-entity-field-roles', true, true],
        ['get-person-coverage', true, true],
        ['explain-entity-dissonance', true, true],
        ['record-signal', false, true],
      ]);
      for (const action of actions) {
        expect(action.attributes.destructive).toBe(false);
        expect(action.description.length).toBeGreaterThan(100);
      }
    });

    it("gets an entity's user trust: score, SLOs, burn, dissonance", async () => {
      const trust = await invoke('get-entity-user-trust', {
        entityRef: 'checkout-api',
      });
      expect(trust).toMatchObject({
        entityRef: CHECKOUT,
        title: 'Checkout API',
        owner: 'group:default/team-a',
        url: 'http://portal.example.com/catalog/default/component/checkout-api/user-trust',
        status: expect.stringMatching(/breached|at-risk/),
        technicalSli: {
          attainmentPercent: 99.95,
          targetPercent: 99.9,
          meetsTarget: true,
          source: expect.stringContaining(
            'Technical SLI from Prometheus: avg_over_time(slo:checkout:ratio[1d])',
          ),
        },
      });
      expect(trust.summary).toMatch(/^(Trust score \d+\/100|No trust score)/);
      expect(trust.summary).toContain('monitoring and users disagree');
      const csat = trust.slos.find((s: any) => /csat/i.test(s.name));
      expect(csat).toMatchObject({
        status: 'breached',
        targetPercent: expect.any(Number),
        errorBudgetLeftPercent: expect.any(Number),
        definedBy: expect.stringContaining('config default rule'),
      });
      expect(csat.errorBudgetLeftPercent).toBeLessThan(0);
      expect(csat.burnRates).toContainEqual({
        window: expect.any(String),
        rate: expect.any(Number),
        alertThreshold: expect.any(Number),
      });
      expect(trust.dissonance[0]).toEqual({
        kind: 'technical-green-users-burning',
        message: expect.stringContaining('meets its target'),
      });
      expect(trust.signals.last7d.byKind.support_case).toBe(4);
      expect(trust.signals.last28d.byKind.csat_response).toBe(20);
    });

    it('lists the services losing trust fastest with their field roles, as the caller sees them', async () => {
      const sre = await invoke('list-services-losing-trust', {});
      expect(sre.totalCount).toBe(3);
      const outsider = await invoke('list-services-losing-trust', {}, OUTSIDER);
      expect(outsider.items.map((i: any) => i.entityRef)).not.toContain(SECRET);
      expect(outsider.totalCount).toBe(2);

      // "Which of the services I cover are losing trust, and who is the TAM?"
      const mine = await invoke(
        'list-services-losing-trust',
        { holder: ['me'], sort: 'burn' },
        RACHEL,
      );
      expect(mine.items.map((i: any) => i.entityRef).sort()).toEqual([
        CART,
        CHECKOUT,
        SECRET,
      ]);
      const checkout = mine.items.find((i: any) => i.entityRef === CHECKOUT);
      expect(checkout).toMatchObject({
        title: 'Checkout API',
        owner: 'group:default/team-a',
        dissonance: true,
        supportCases: { last7d: 4, previous7d: 0 },
        fieldRoles: [{ role: 'tam', holderRef: RACHEL }],
        url: expect.stringContaining('/catalog/default/component/checkout-api'),
      });
      expect(checkout.fastestBurn).toEqual({
        rate: expect.any(Number),
        window: expect.any(String),
        slo: expect.any(String),
      });

      const filtered = await invoke('list-services-losing-trust', {
        owner: ['team-a'],
        dissonance: true,
        limit: 1,
      });
      expect(filtered.items.map((i: any) => i.entityRef)).toEqual([CHECKOUT]);
      expect(filtered.limit).toBe(1);
    });

    it('says who covers an entity, and what a person covers', async () => {
      const roles = await invoke('get-entity-field-roles', {
        entityRef: CHECKOUT,
      });
      expect(roles.entityRef).toBe(CHECKOUT);
      expect(roles.summary).toContain(`: ${RACHEL}`);
      expect(roles.roles.find((r: any) => r.role === 'tam')).toMatchObject({
        roleTitle: expect.any(String),
        holders: [
          { holderRef: RACHEL, accounts: [], source: 'catalog annotation' },
        ],
      });

      const coverage = await invoke(
        'get-person-coverage',
        { holderRef: 'rachel.kim' },
        SRE,
      );
      expect(coverage.holderRef).toBe(RACHEL);
      expect(coverage.through).toEqual([
        RACHEL,
        'group:default/customer-success',
      ]);
      expect(
        coverage.assignments.map((a: any) => [a.entityRef, a.role, a.via]),
      ).toEqual(
        expect.arrayContaining([
          [CHECKOUT, 'tam', undefined],
          [SECRET, 'tam', undefined],
          [CART, 'csm', 'group:default/customer-success'],
        ]),
      );
      const checkout = coverage.assignments.find(
        (a: any) => a.entityRef === CHECKOUT,
      );
      expect(checkout.status).toEqual(expect.any(String));
      expect('score' in checkout).toBe(true);

      // The caller's own portfolio; the outsider's lacks what they may not see.
      const me = await invoke('get-person-coverage', {}, RACHEL);
      expect(me.totalCount).toBe(3);
      const outsider = await invoke(
        'get-person-coverage',
        { holderRef: RACHEL },
        OUTSIDER,
      );
      expect(outsider.assignments.map((a: any) => a.entityRef)).not.toContain(
        SECRET,
      );
    });

    it("explains an entity's dissonance, and says when there is none to explain", async () => {
      const explained = await invoke('explain-entity-dissonance', {
        entityRef: CHECKOUT,
      });
      expect(explained).toMatchObject({
        entityRef: CHECKOUT,
        verdict: 'disagree',
        technicalSli: { attainmentPercent: 99.95, meetsTarget: true },
        userSignalsLast28d: {
          total: 24,
          byKind: { csat_response: 20, support_case: 4 },
        },
      });
      expect(explained.explanation).toContain(
        'Monitoring is green, but users are burning the budget',
      );
      expect(explained.explanation).toContain('20 csat_response');
      expect(explained.explanation).toMatch(
        /"Customer satisfaction" is breached, burning at [\d.]+x the sustainable rate with -[\d.]+% of its error budget left/,
      );
      expect(explained.disagreements[0]).toMatchObject({
        kind: 'technical-green-users-burning',
        status: 'breached',
        errorBudgetLeftPercent: expect.any(Number),
      });

      const cart = await invoke('explain-entity-dissonance', {
        entityRef: CART,
      });
      expect(cart.verdict).toBe('no-technical-sli');
      expect(cart.explanation).toContain('no technical SLI');
    });

    it('answers not found for an entity the caller may not see, in every entity action', async () => {
      for (const name of [
        'get-entity-user-trust',
        'get-entity-field-roles',
        'explain-entity-dissonance',
      ]) {
        await expect(
          invoke(name, { entityRef: SECRET }, OUTSIDER),
        ).rejects.toMatchObject({ name: 'NotFoundError' });
        // The same answer as for an entity that does not exist.
        await expect(
          invoke(name, { entityRef: 'component:default/nope' }, OUTSIDER),
        ).rejects.toMatchObject({ name: 'NotFoundError' });
        // Others may.
        await expect(invoke(name, { entityRef: SECRET })).resolves.toEqual(
          expect.objectContaining({ entityRef: SECRET }),
        );
      }
      await expect(
        invoke(
          'record-signal',
          {
            entityRef: SECRET,
            kind: 'support_case',
            occurredAt: at(1),
          },
          OUTSIDER,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(
        invoke('get-entity-user-trust', { entityRef: 'not a ref:/' }),
      ).rejects.toMatchObject({ name: 'InputError' });
    });

    it('records a signal once, with the permission of POST /signals', async () => {
      const input = {
        entityRef: 'cart',
        kind: 'support_case',
        occurredAt: at(1, '10:30:00.000'),
        severity: 'high',
        account: 'acme-corp',
        attributes: { summary: 'the cart empties itself' },
      };
      await expect(
        invoke('record-signal', input, READER),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });

      const first = await invoke('record-signal', input);
      expect(first).toMatchObject({
        entityRef: CART,
        source: 'ai-assistant',
        externalId: expect.stringMatching(/^action-[0-9a-f]{32}$/),
        outcome: 'created',
      });
      // A retry of the same call adds nothing.
      const retry = await invoke('record-signal', input);
      expect(retry).toEqual({
        ...first,
        outcome: 'unchanged',
        message: expect.stringContaining('already recorded'),
      });
      // Given ids identify the signal: the same id again updates it.
      const given = { ...input, source: 'zendesk', externalId: 'ZD-4711' };
      expect((await invoke('record-signal', given)).outcome).toBe('created');
      expect(
        (await invoke('record-signal', { ...given, severity: 'critical' }))
          .outcome,
      ).toBe('updated');

      const trust = await invoke('get-entity-user-trust', { entityRef: CART });
      expect(trust.signals.last7d.byKind.support_case).toBe(2 + 2);

      // Validated like the REST API.
      await expect(
        invoke('record-signal', { ...input, occurredAt: 'yesterday' }),
      ).rejects.toMatchObject({ name: 'InputError' });
    });
  });
});

describe('User Trust actions through the backend actions registry', () => {
  // The registry of a real backend, as the MCP actions backend reaches it:
  // listed and invoked over HTTP with the caller's credentials.
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        userTrustPlugin,
        visibilityCatalog(),
        permissions.factory,
        mockServices.rootConfig.factory({
          data: { backend: { actions: { pluginSources: ['user-trust'] } } },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const ACTIONS = '/api/user-trust/.backstage/actions/v1/actions';

  it('lists the actions and runs them as the caller', async () => {
    const list = await request(backend.server)
      .get(ACTIONS)
      .set('Authorization', mockCredentials.user.header(SRE));
    expect(list.status).toBe(200);
    expect(list.body.actions.map((a: any) => a.id)).toEqual([
      'user-trust:get-entity-user-trust',
      'user-trust:list-services-losing-trust',
      'user-trust:get-entity-field-roles',
      'user-trust:get-person-coverage',
      'user-trust:explain-entity-dissonance',
      'user-trust:record-signal',
    ]);

    const invoke = (who: string) =>
      request(backend.server)
        .post(`${ACTIONS}/user-trust:get-entity-field-roles/invoke`)
        .set('Authorization', mockCredentials.user.header(who))
        .send({ entityRef: SECRET });
    const sre = await invoke(SRE);
    expect(sre.status).toBe(200);
    expect(sre.body.output.summary).toBe(
      `Technical Account Manager: ${RACHEL}; Support lead: nobody (required)`,
    );
    expect((await invoke(OUTSIDER)).status).toBe(404);
  });
});
