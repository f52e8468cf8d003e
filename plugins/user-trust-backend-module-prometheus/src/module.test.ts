import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The module is tested inside the plugin it extends (a dev dependency only).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import userTrustPlugin from '@user-trust/plugin-user-trust-backend';
import request from 'supertest';
import { FakePrometheus } from './__testUtils__/fakePrometheus';
import prometheusModule from './index';

jest.setTimeout(120_000);

const DAY = 86_400;
const CHECKOUT_GOOD =
  'sum(increase(http_requests_total{job="checkout",code!~"5.."}[1d]))';
const CHECKOUT_TOTAL = 'sum(increase(http_requests_total{job="checkout"}[1d]))';
const PAYMENTS_RATIO = 'slo:availability:ratio_rate1d{service="payments"}';
const SEARCH_RATIO = 'slo:availability:ratio_rate1d{service="search"}';
const QUIET_RATIO = 'slo:availability:ratio_rate1d{service="quiet"}';

function component(name: string, annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(annotations && { annotations }),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const entities: Entity[] = [
  component('checkout-api', {
    'prometheus.io/sli-good': CHECKOUT_GOOD,
    'prometheus.io/sli-total': CHECKOUT_TOTAL,
  }),
  // Its annotation is overridden by userTrust.prometheus.entities.
  component('payments', { 'prometheus.io/sli-ratio': 'not even promql' }),
  component('billing-ui', {
    'prometheus.io/sli-ratio': 'sum(rate(http_requests_total[1d]',
  }),
  component('search', { 'prometheus.io/sli-ratio': SEARCH_RATIO }),
  component('quiet', { 'prometheus.io/sli-ratio': QUIET_RATIO }),
  component('half', { 'prometheus.io/sli-good': CHECKOUT_GOOD }),
  component('plain'),
];

const todayStart = () => Math.floor(Date.now() / 1000 / DAY) * DAY;
const dayOf = (seconds: number) =>
  new Date(seconds * 1000).toISOString().slice(0, 10);

describe('the Prometheus module in a backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
    let fake: FakePrometheus | undefined;

    async function start(prometheus: Record<string, unknown> = {}) {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          prometheusModule,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              userTrust: {
                prometheus: {
                  baseUrl: fake!.baseUrl,
                  token: 'prom-token',
                  backfillDays: 7,
                  timeoutSeconds: 2,
                  entities: {
                    'component:default/payments': { ratio: PAYMENTS_RATIO },
                  },
                  ...prometheus,
                },
              },
            },
          }),
        ],
      });
      return backend.server;
    }

    afterEach(async () => {
      await Promise.all([backend?.stop(), fake?.stop()]);
      backend = undefined;
      fake = undefined;
    });

    const user = mockCredentials.user.header();
    const read = (server: any, path: string) =>
      request(server)
        .get(`/api/user-trust${path}`)
        .set('Authorization', user)
        .expect(200)
        .then(res => res.body);
    const signalsOf = (server: any, name: string) =>
      read(
        server,
        `/entities/component/default/${name}/signals?limit=500&kind=sli_report`,
      );
    const status = async (server: any) =>
      (await read(server, '/sources')).items.find(
        (source: { id: string }) => source.id === 'prometheus',
      );
    const resync = (server: any) =>
      request(server)
        .post('/api/user-trust/sources/prometheus/resync')
        .set('Authorization', user);

    function healthyPrometheus(checkoutGood = 9995) {
      fake!
        .set(CHECKOUT_GOOD, {
          series: [{ at: t => (t <= todayStart() ? checkoutGood : undefined) }],
        })
        .set(CHECKOUT_TOTAL, { series: [{ at: () => 10000 }] })
        .set(PAYMENTS_RATIO, {
          series: [{ metric: { service: 'payments' }, at: () => '0.98' }],
        })
        .set(SEARCH_RATIO, {
          error: {
            status: 503,
            errorType: 'timeout',
            error: 'query timed out in expression evaluation',
          },
        })
        .set(QUIET_RATIO, { series: [] });
    }

    it('stores one sli_report a day per entity, updates them on the next sync, and names the failing entities', async () => {
      fake = await FakePrometheus.start();
      healthyPrometheus();
      const server = await start();
      expect(await status(server)).toMatchObject({
        title: 'Prometheus',
        syncs: true,
      });

      await resync(server);

      const checkout = await signalsOf(server, 'checkout-api');
      expect(checkout.totalCount).toBe(7);
      const days = checkout.items.map((s: any) => s.externalId).sort();
      const expectedDays = [7, 6, 5, 4, 3, 2, 1].map(
        d => `component:default/checkout-api:${dayOf(todayStart() - d * DAY)}`,
      );
      expect(days).toEqual(expectedDays);
      const yesterday = checkout.items.find(
        (s: any) => s.externalId === expectedDays[6],
      );
      expect(yesterday).toMatchObject({
        source: 'prometheus',
        kind: 'sli_report',
        value: 0.9995,
        occurredAt: new Date((todayStart() - DAY) * 1000).toISOString(),
        attributes: {
          goodQuery: CHECKOUT_GOOD,
          totalQuery: CHECKOUT_TOTAL,
          good: 9995,
          total: 10000,
        },
      });
      // Configured entities win over annotations.
      const payments = await signalsOf(server, 'payments');
      expect(payments.totalCount).toBe(7);
      expect(payments.items[0]).toMatchObject({
        value: 0.98,
        attributes: { ratioQuery: PAYMENTS_RATIO },
      });
      for (const name of ['billing-ui', 'search', 'quiet', 'half', 'plain']) {
        expect((await signalsOf(server, name)).totalCount).toBe(0);
      }

      // What the fake saw: POST forms with the token, step one day.
      const ranges = fake.requests.filter(
        r => r.path === '/api/v1/query_range',
      );
      expect(ranges.every(r => r.authorization === 'Bearer prom-token')).toBe(
        true,
      );
      expect(ranges[0].params.get('step')).toBe(String(DAY));
      expect(ranges[0].params.get('end')).toBe(String(todayStart()));

      // The failures, one error of the sync naming each entity.
      const first = await status(server);
      expect(first.errors).toHaveLength(1);
      const message: string = first.errors[0].message;
      expect(first.errors[0].context).toBe('sync');
      expect(message).toMatch(/4 of 6 entities could not be read/);
      expect(message).toMatch(
        /component:default\/billing-ui: Prometheus answered 400 bad_data/,
      );
      expect(message).toMatch(
        /component:default\/search: Prometheus answered 503 timeout/,
      );
      expect(message).toMatch(
        /component:default\/quiet: the ratio query returned no series/,
      );
      expect(message).toMatch(/component:default\/half: .*total is missing/);

      // A second sync re-reads the days: updated, not duplicated.
      healthyPrometheus(9990);
      await resync(server);
      const again = await signalsOf(server, 'checkout-api');
      expect(again.totalCount).toBe(7);
      expect(new Set(again.items.map((s: any) => s.value))).toEqual(
        new Set([0.999]),
      );
      expect((await signalsOf(server, 'payments')).totalCount).toBe(7);
    });

    it('records no error when every entity is read, and a garbage answer as an error', async () => {
      fake = await FakePrometheus.start();
      healthyPrometheus();
      const server = await start({
        entities: {
          'component:default/payments': { ratio: PAYMENTS_RATIO },
          'component:default/billing-ui': { ratio: PAYMENTS_RATIO },
          'component:default/search': { ratio: PAYMENTS_RATIO },
          'component:default/quiet': { ratio: PAYMENTS_RATIO },
          'component:default/half': { ratio: PAYMENTS_RATIO },
        },
      });
      await resync(server);
      const ok = await status(server);
      expect(ok.errors).toEqual([]);
      expect(ok.lastSyncAt).toEqual(expect.any(String));

      fake.set(PAYMENTS_RATIO, { garbage: '<html>maintenance</html>' });
      await resync(server);
      const broken = await status(server);
      expect(broken.errors[0].message).toMatch(
        /5 of 6 entities .*not its JSON envelope/,
      );
      // The checkout-api SLI was still stored.
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(7);
    });

    it('shows the Prometheus SLI as the technical side of dissonance', async () => {
      fake = await FakePrometheus.start();
      healthyPrometheus();
      const server = await start();
      await resync(server);

      // Users are unhappy: 20 CSAT answers of 1 (of 5) this week.
      const now = Date.now();
      await request(server)
        .post('/api/user-trust/signals')
        .set('Authorization', user)
        .send({
          signals: Array.from({ length: 20 }, (_, i) => ({
            source: 'survey',
            externalId: `csat-${i}`,
            kind: 'csat_response',
            entityRef: 'component:default/checkout-api',
            occurredAt: new Date(now - (i + 1) * 3600_000).toISOString(),
            value: 1,
          })),
        })
        .expect(res => expect(res.status).toBeLessThan(300));

      const trust = await read(
        server,
        '/entities/component/default/checkout-api/trust',
      );
      expect(trust.dissonance).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'technical-green-users-burning',
            technical: expect.objectContaining({
              attainment: expect.closeTo(0.9995, 9),
            }),
            userTrust: expect.objectContaining({ slo: 'csat' }),
          }),
        ]),
      );
    });
  });
});
