import {
  AuthService,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  DiscoveryService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FactRetriever,
  FactRetrieverContext,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
// The real User Trust backend, in tests only: the module reads it over HTTP.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import userTrustPlugin from '@user-trust/plugin-user-trust-backend';
import request from 'supertest';
import techInsightsModuleUserTrustFacts, {
  USER_TRUST_FACT_RETRIEVER_ID,
} from '.';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;

function component(name: string, annotations?: Record<string, string>) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...(annotations ? { annotations } : {}) },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  } satisfies Entity;
}

const entities: Entity[] = [
  component('checkout-api', {
    'user-trust.io/field-role-support': 'group:default/customer-success',
  }),
  component('cart'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'search-api' },
    spec: { type: 'openapi', lifecycle: 'production', owner: 'team-c' },
  },
];

/** Stands in for the tech-insights backend: runs what it was given, as it would. */
function techInsightsStandIn() {
  const added: Record<string, FactRetriever> = {};
  let context: FactRetrieverContext | undefined;
  const services = createBackendPlugin({
    pluginId: 'tech-insights-context',
    register(reg) {
      reg.registerInit({
        deps: {
          config: coreServices.rootConfig,
          discovery: coreServices.discovery,
          logger: coreServices.logger,
          auth: coreServices.auth,
          urlReader: coreServices.urlReader,
        },
        async init(deps: {
          config: FactRetrieverContext['config'];
          discovery: DiscoveryService;
          logger: LoggerService;
          auth: AuthService;
          urlReader: UrlReaderService;
        }) {
          context = deps;
        },
      });
    },
  });
  const extensionPoint = {
    addFactRetrievers(retrievers: Record<string, FactRetriever>) {
      Object.assign(added, retrievers);
    },
  };
  return {
    added,
    services,
    extensionPoint,
    run(name: string) {
      const retriever = added[name];
      return retriever.handler({
        ...context!,
        entityFilter: retriever.entityFilter,
      });
    },
  };
}

async function startBackend(config: object = {}) {
  const techInsights = techInsightsStandIn();
  const scheduler = mockServices.scheduler();
  const logger = mockServices.logger.mock();
  const backend = await startTestBackend({
    extensionPoints: [
      [techInsightsFactRetrieversExtensionPoint, techInsights.extensionPoint],
    ],
    features: [
      techInsightsModuleUserTrustFacts,
      techInsights.services,
      userTrustPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
      logger.factory,
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
    ],
  });
  return { backend, techInsights, scheduler, logger };
}

describe('techInsightsModuleUserTrustFacts', () => {
  it('adds user-trust-facts with the numbers of every evaluated entity', async () => {
    const { backend, techInsights, scheduler, logger } = await startBackend({
      techInsights: {
        factRetrievers: {
          userTrustFactRetriever: {
            cadence: '0 */6 * * *',
            lifecycle: { timeToLive: { days: 90 } },
          },
        },
      },
    });
    try {
      expect(Object.keys(techInsights.added)).toEqual([
        'userTrustFactRetriever',
      ]);
      const retriever = techInsights.added.userTrustFactRetriever;
      expect(retriever.id).toBe(USER_TRUST_FACT_RETRIEVER_ID);
      expect(Object.keys(retriever.schema).sort()).toEqual([
        'blindSpot',
        'fastestBurnRate',
        'missingRoles',
        'trustScore',
        'trustStatus',
        'worstBudgetRemaining',
      ]);
      expect(logger.warn).not.toHaveBeenCalled();

      // A critical incident on checkout-api yesterday.
      const ingest = await request(backend.server)
        .post('/api/user-trust/signals')
        .set('Authorization', mockCredentials.service.header())
        .send({
          signals: [
            {
              source: 'pagerduty',
              externalId: 'inc-1',
              kind: 'incident',
              entityRef: 'component:default/checkout-api',
              occurredAt: new Date(Date.now() - DAY).toISOString(),
              severity: 'critical',
            },
          ],
        });
      expect(ingest.status).toBe(200);
      await scheduler.triggerTask('user-trust:health:refresh-all');

      const facts = await techInsights.run('userTrustFactRetriever');
      const byName = Object.fromEntries(
        facts.map(f => [`${f.entity.kind}:${f.entity.name}`, f]),
      );
      expect(Object.keys(byName).sort()).toEqual([
        'api:search-api',
        'component:cart',
        'component:checkout-api',
      ]);
      const checkout = byName['component:checkout-api'];
      expect(checkout.entity).toEqual({
        kind: 'component',
        namespace: 'default',
        name: 'checkout-api',
      });
      expect(checkout.facts).toMatchObject({
        trustStatus: 'breached',
        blindSpot: false,
        missingRoles: [],
      });
      expect(checkout.facts.trustScore).toEqual(expect.any(Number));
      expect(checkout.facts.trustScore as number).toBeLessThan(70);
      expect(checkout.facts.worstBudgetRemaining as number).toBeLessThan(1);
      expect(checkout.facts.fastestBurnRate as number).toBeGreaterThan(1);

      // No support lead: the default role types require one for services.
      expect(byName['component:cart'].facts).toMatchObject({
        blindSpot: true,
        missingRoles: expect.arrayContaining(['support']),
      });
      // No data: the status says so and the numbers are left out.
      const api = byName['api:search-api'].facts;
      expect(api.trustStatus).toBe('no-data');
      expect(api).not.toHaveProperty('trustScore');
      expect(api).not.toHaveProperty('fastestBurnRate');
    } finally {
      await backend.stop();
    }
  });

  it('gives facts only to the entities of its entity filter', async () => {
    const { backend, techInsights, scheduler } = await startBackend({
      techInsights: {
        factRetrievers: {
          userTrustFactRetriever: {
            cadence: '0 */6 * * *',
            entityFilter: { kind: 'Component', 'metadata.name': 'cart' },
          },
        },
      },
    });
    try {
      await scheduler.triggerTask('user-trust:health:refresh-all');
      const facts = await techInsights.run('userTrustFactRetriever');
      expect(facts.map(f => f.entity.name)).toEqual(['cart']);
    } finally {
      await backend.stop();
    }
  });

  it('warns when Tech Insights has no schedule for it', async () => {
    const { backend, logger } = await startBackend();
    try {
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'techInsights.factRetrievers.userTrustFactRetriever is not configured',
        ),
      );
    } finally {
      await backend.stop();
    }
  });
});

describe('with the tech-insights backend', () => {
  it('stores the facts with history, read back through its API', async () => {
    const scheduler = mockServices.scheduler();
    const backend = await startTestBackend({
      features: [
        techInsightsPlugin,
        techInsightsModuleUserTrustFacts,
        userTrustPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            techInsights: {
              factRetrievers: {
                userTrustFactRetriever: {
                  cadence: '0 */6 * * *',
                  lifecycle: { timeToLive: { days: 90 } },
                },
              },
            },
          },
        }),
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
      ],
    });
    try {
      await scheduler.triggerTask('user-trust:health:refresh-all');
      for (let run = 0; run < 3; run += 1) {
        await scheduler.triggerTask(USER_TRUST_FACT_RETRIEVER_ID);
        // Rows of one retriever and entity are told apart by their time.
        await new Promise(resolve => setTimeout(resolve, 20));
      }
      const get = (path: string) =>
        request(backend.server)
          .get(`/api/tech-insights${path}`)
          .set('Authorization', mockCredentials.user.header());

      const schemas = await get(
        `/fact-schemas?ids[]=${USER_TRUST_FACT_RETRIEVER_ID}`,
      );
      expect(schemas.status).toBe(200);
      expect(schemas.body[0].id).toBe(USER_TRUST_FACT_RETRIEVER_ID);
      expect(schemas.body[0].trustScore.type).toBe('float');

      const latest = await get(
        `/facts/latest?entity=component:default/cart&ids[]=${USER_TRUST_FACT_RETRIEVER_ID}`,
      );
      expect(latest.status).toBe(200);
      expect(latest.body[USER_TRUST_FACT_RETRIEVER_ID].facts).toMatchObject({
        trustStatus: expect.any(String),
        blindSpot: true,
        missingRoles: expect.arrayContaining(['support']),
      });

      // Every run adds a row of history (kept 90 days here).
      const range = await get(
        `/facts/range?entity=component:default/cart&ids[]=${USER_TRUST_FACT_RETRIEVER_ID}&startDatetime=${new Date(
          Date.now() - DAY,
        ).toISOString()}&endDatetime=${new Date(
          Date.now() + DAY,
        ).toISOString()}`,
      );
      expect(range.status).toBe(200);
      expect(range.body[USER_TRUST_FACT_RETRIEVER_ID]).toHaveLength(3);
    } finally {
      await backend.stop();
    }
  });
});
