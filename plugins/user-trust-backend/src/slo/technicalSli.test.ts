import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  addDays,
  dayKey,
  EntityTrustEvaluation,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import request from 'supertest';
import userTrustPlugin from '../index';

jest.setTimeout(60_000);

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const CHECKOUT = 'component:default/checkout-api';
const CART = 'component:default/cart-service';
const GOOD =
  'sum(increase(http_requests_total{job="checkout-api",code!~"5.."}[1d]))';
const TOTAL = 'sum(increase(http_requests_total{job="checkout-api"}[1d]))';
const RATIO = 'avg_over_time(slo:cart:availability_ratio_rate5m[1d])';

/** UTC day `daysAgo` before today, at `time`. */
function at(daysAgo: number, time = '00:00:00.000') {
  return `${addDays(dayKey(new Date()), -daysAgo)}T${time}Z`;
}

function signals(): SignalInput[] {
  const out: SignalInput[] = [];
  // checkout-api: Prometheus, one report a day for 30 days (27 of them in
  // the window: yesterday back to 27 days ago); the queries changed two days ago.
  for (let d = 1; d <= 30; d++) {
    out.push({
      source: 'prometheus',
      externalId: `${CHECKOUT}:${at(d).slice(0, 10)}`,
      kind: 'sli_report',
      entityRef: CHECKOUT,
      occurredAt: at(d),
      value: 0.9995,
      attributes:
        d === 1
          ? { goodQuery: GOOD, totalQuery: TOTAL, good: 9995, total: 10000 }
          : { goodQuery: 'old_good', totalQuery: 'old_total' },
    });
  }
  // Users are unhappy: CSAT of 1, a breached default CSAT SLO. The latest
  // answer comes after yesterday's report (other kinds are not reports).
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
  // cart-service: demo data standing in for a ratio query, and a Prometheus
  // report earlier on the same latest day.
  for (let d = 2; d <= 4; d++) {
    out.push({
      source: 'demo',
      externalId: `${CART}:${at(d).slice(0, 10)}:sli`,
      kind: 'sli_report',
      entityRef: CART,
      occurredAt: at(d, '23:52:48.000'),
      value: 0.998,
      attributes: {
        sli: 'availability',
        target: 0.999,
        standsInFor: 'prometheus',
        ratioQuery: RATIO,
      },
    });
  }
  out.push({
    source: 'prometheus',
    externalId: `${CART}:${at(2).slice(0, 10)}`,
    kind: 'sli_report',
    entityRef: CART,
    occurredAt: at(2),
    value: 0.9,
    attributes: { ratioQuery: RATIO },
  });
  return out;
}

describe('the technical SLI of /trust and where it comes from', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          catalogServiceMock.factory({
            entities: [
              component('checkout-api'),
              component('cart-service'),
              component('ui-kit'),
            ],
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: { userTrust: { evaluation: { cacheSeconds: 0 } } },
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
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const trust = async (name: string): Promise<EntityTrustEvaluation> => {
      const res = await request(backend.server)
        .get(`/api/user-trust/entities/component/default/${name}/trust`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body;
    };

    it('names the source, the latest query and the days behind the number', async () => {
      const evaluation = await trust('checkout-api');
      const technical = {
        sli: 'availability (28d, from monitoring)',
        attainment: expect.closeTo(0.9995, 10),
        target: 0.999,
        provenance: {
          sources: ['prometheus'],
          days: 27,
          reports: 27,
          latestDay: at(1).slice(0, 10),
          query: { good: GOOD, total: TOTAL },
        },
      };
      expect(evaluation.technical).toEqual(technical);
      // The dissonance it causes carries the same provenance.
      expect(evaluation.dissonance.length).toBeGreaterThan(0);
      for (const entry of evaluation.dissonance) {
        expect(entry.kind).toBe('technical-green-users-burning');
        expect(entry.technical).toEqual(technical);
      }
    });

    it('says when demo data stands in for a query, latest source first', async () => {
      const { technical } = await trust('cart-service');
      expect(technical?.provenance).toEqual({
        sources: ['demo', 'prometheus'],
        days: 3,
        reports: 4,
        latestDay: at(2).slice(0, 10),
        query: { ratio: RATIO },
        standsInFor: 'prometheus',
      });
      expect(technical?.attainment).toBeCloseTo((0.998 * 3 + 0.9) / 4, 10);
    });

    it('has no technical SLI without reports, and the batch agrees', async () => {
      const evaluation = await trust('ui-kit');
      expect(evaluation.technical).toBeUndefined();
      expect(evaluation.dissonance).toEqual([]);

      const batch = await request(backend.server)
        .post('/api/user-trust/trust/batch')
        .set('Authorization', mockCredentials.user.header())
        .send({ entityRefs: [CHECKOUT, CART, 'component:default/ui-kit'] });
      expect(batch.status).toBe(200);
      expect(
        batch.body.items.map((e: EntityTrustEvaluation) => [
          e.entityRef,
          e.technical?.provenance?.sources,
          e.technical?.provenance?.query,
        ]),
      ).toEqual([
        [CHECKOUT, ['prometheus'], { good: GOOD, total: TOTAL }],
        [CART, ['demo', 'prometheus'], { ratio: RATIO }],
        ['component:default/ui-kit', undefined, undefined],
      ]);
    });
  });
});
