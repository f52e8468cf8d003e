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
import {
  FakeStatuspage,
  fakeIncident,
  fakeMaintenance,
  incidentNotification,
} from './__testUtils__/fakeStatuspage';
import statuspageModule from './index';

jest.setTimeout(120_000);

const PAGE = 'pg1';
const TOKEN = 'url-token-0123456789';
const HOUR = 3600_000;
const CHECKOUT = 'cmp-checkout';
const PAYMENTS = 'cmp-payments';

function component(name: string, componentId?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(componentId && {
        annotations: { 'statuspage.io/component-id': componentId },
      }),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const entities = [component('checkout-api', CHECKOUT), component('payments')];

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** A notification of a fresh incident on some components of the page. */
function notification(
  incidentId: string,
  components: Array<{ id: string; name?: string }>,
  extra: { resolvedAt?: string; impact?: string } = {},
) {
  return JSON.stringify(
    incidentNotification(
      fakeIncident({
        pageId: PAGE,
        id: incidentId,
        createdAt: ago(HOUR),
        components,
        ...extra,
      }),
    ),
  );
}

describe('the Statuspage module in a backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
    let fake: FakeStatuspage | undefined;

    async function start(page: Record<string, unknown> = {}) {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          statuspageModule,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              userTrust: {
                statuspage: {
                  pages: [{ id: PAGE, webhookTokens: [TOKEN], ...page }],
                },
              },
            },
          }),
        ],
      });
      return backend.server;
    }

    afterEach(async () => {
      await backend?.stop();
      backend = undefined;
      await fake?.stop();
      fake = undefined;
    });

    const user = mockCredentials.user.header();
    const deliver = (server: any, body: string, token: string | null = TOKEN) =>
      request(server)
        .post(
          `/api/user-trust/webhooks/statuspage${
            token === null ? '' : `/${encodeURIComponent(token)}`
          }`,
        )
        // Statuspage sends no Backstage credentials, and signs nothing.
        .set('Authorization', mockCredentials.none.header())
        .set('Content-Type', 'application/json')
        .send(body);
    const signalsOf = async (server: any, name: string) => {
      const res = await request(server)
        .get(`/api/user-trust/entities/component/default/${name}/signals`)
        .query({ limit: 500 })
        .set('Authorization', user);
      expect(res.status).toBe(200);
      return res.body;
    };
    const statuspageStatus = async (server: any) => {
      const res = await request(server)
        .get('/api/user-trust/sources')
        .set('Authorization', user);
      expect(res.status).toBe(200);
      return res.body.items.find((s: { id: string }) => s.id === 'statuspage');
    };

    it('stores an incident of an annotated component from a webhook, once', async () => {
      const server = await start();
      const body = notification('inc1', [{ id: CHECKOUT, name: 'Checkout' }]);

      const first = await deliver(server, body);
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ outcome: 'ingested' });
      const signals = await signalsOf(server, 'checkout-api');
      expect(signals.totalCount).toBe(1);
      expect(signals.items[0]).toMatchObject({
        source: 'statuspage',
        externalId: 'inc1:component:default/checkout-api',
        kind: 'incident',
        severity: 'high',
        attributes: expect.objectContaining({
          incidentId: 'inc1',
          componentIds: CHECKOUT,
          statuspagePage: PAGE,
        }),
      });
      expect(signals.items[0].resolvedAt).toBeUndefined();

      // The same notification again changes nothing.
      const retry = await deliver(server, body);
      expect(retry.status).toBe(202);
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(1);
      expect(await statuspageStatus(server)).toMatchObject({
        title: 'Statuspage',
        receivesWebhooks: true,
        // No apiKey: webhooks only.
        syncs: false,
        webhookPath: '/webhooks/statuspage',
        webhooksAccepted: 2,
        webhooksRefused: 0,
        // Stored once; the retry stored nothing.
        signals: { last24h: 1 },
        errors: [],
      });

      // Its resolution updates the same signal.
      const resolvedAt = ago(HOUR / 2);
      await deliver(
        server,
        notification('inc1', [{ id: CHECKOUT }], { resolvedAt }),
      ).expect(202);
      const after = await signalsOf(server, 'checkout-api');
      expect(after.totalCount).toBe(1);
      expect(after.items[0].resolvedAt).toBe(resolvedAt);
      expect(await statuspageStatus(server)).toMatchObject({
        webhooksAccepted: 3,
      });
    });

    it('refuses a wrong or missing URL token with a 401 and stores nothing', async () => {
      const server = await start();
      const body = notification('inc2', [{ id: CHECKOUT }]);

      const wrong = await deliver(server, body, 'not-the-token');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toMatch(/matches no configured one/);
      const missing = await deliver(server, body, null);
      expect(missing.status).toBe(401);
      expect(missing.body.error.message).toMatch(/has no token/);

      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(0);
      const status = await statuspageStatus(server);
      expect(status).toMatchObject({
        webhooksAccepted: 0,
        webhooksRefused: 2,
        externalServices: [],
      });
      expect(status.errors[0].message).toMatch(/^Refused a delivery \(401\)/);
    });

    it('refuses malformed JSON and another page’s notification with a 400', async () => {
      const server = await start();
      const garbage = await deliver(server, '{"incident": ');
      expect(garbage.status).toBe(400);

      const otherPage = JSON.stringify(
        incidentNotification(
          fakeIncident({
            pageId: 'other-page',
            id: 'inc3',
            createdAt: ago(HOUR),
            components: [{ id: CHECKOUT }],
          }),
        ),
      );
      const foreign = await deliver(server, otherPage);
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.message).toMatch(/other-page/);
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(0);
    });

    it('stores a scheduled maintenance as a known_event', async () => {
      const server = await start();
      const maintenance = fakeMaintenance({
        pageId: PAGE,
        id: 'mnt1',
        createdAt: ago(48 * HOUR),
        scheduledFor: ago(3 * HOUR),
        scheduledUntil: ago(HOUR),
        status: 'completed',
        resolvedAt: ago(HOUR),
        components: [{ id: CHECKOUT, name: 'Checkout' }],
      });
      const res = await deliver(
        server,
        JSON.stringify(incidentNotification(maintenance)),
      );
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ outcome: 'ingested' });

      const signals = await signalsOf(server, 'checkout-api');
      expect(signals.totalCount).toBe(1);
      expect(signals.items[0]).toMatchObject({
        externalId: 'mnt1:component:default/checkout-api',
        kind: 'known_event',
        occurredAt: maintenance.scheduled_for,
        resolvedAt: maintenance.resolved_at,
        attributes: expect.objectContaining({ maintenance: true }),
      });
      expect(signals.items[0].severity).toBeUndefined();

      // One that has not started yet is acknowledged, not stored.
      const upcoming = fakeMaintenance({
        pageId: PAGE,
        id: 'mnt2',
        createdAt: ago(HOUR),
        scheduledFor: new Date(Date.now() + 24 * HOUR).toISOString(),
        scheduledUntil: new Date(Date.now() + 26 * HOUR).toISOString(),
        components: [{ id: CHECKOUT }],
      });
      const ahead = await deliver(
        server,
        JSON.stringify(incidentNotification(upcoming)),
      );
      expect(ahead.status).toBe(202);
      expect(ahead.body).toEqual({ outcome: 'ignored' });
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(1);
    });

    it('keeps an unmapped component with its name and attributes it once mapped', async () => {
      const server = await start();
      for (const id of ['inc4', 'inc5']) {
        const res = await deliver(
          server,
          notification(id, [{ id: PAYMENTS, name: 'Payments' }]),
        );
        expect(res.status).toBe(202);
        expect(res.body).toEqual({ outcome: 'unattributed' });
      }
      // An incident on a mapped and an unmapped component: both kept apart.
      const both = await deliver(
        server,
        notification('inc6', [
          { id: CHECKOUT, name: 'Checkout' },
          { id: PAYMENTS, name: 'Payments' },
        ]),
      );
      expect(both.body).toEqual({ outcome: 'ingested' });

      const before = await statuspageStatus(server);
      expect(before.externalServices).toEqual([
        expect.objectContaining({
          id: `${PAGE}/${PAYMENTS}`,
          name: 'Payments',
          unattributedSignals: 3,
        }),
      ]);
      expect((await signalsOf(server, 'payments')).totalCount).toBe(0);
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(1);

      const mapped = await request(server)
        .post('/api/user-trust/sources/statuspage/mappings')
        .set('Authorization', user)
        .send({ serviceId: `${PAGE}/${PAYMENTS}`, entityRef: 'payments' });
      expect(mapped.status).toBe(200);
      expect(mapped.body).toEqual({ attributed: 3 });
      const signals = await signalsOf(server, 'payments');
      expect(signals.items.map((s: any) => s.externalId).sort()).toEqual([
        'inc4:component:default/payments',
        'inc5:component:default/payments',
        'inc6:component:default/payments',
      ]);

      // Later notifications of the component go to its entity directly,
      // onto the same signal.
      const update = await deliver(
        server,
        notification('inc4', [{ id: PAYMENTS, name: 'Payments' }], {
          resolvedAt: ago(HOUR / 2),
        }),
      );
      expect(update.status).toBe(202);
      const after = await signalsOf(server, 'payments');
      expect(after.totalCount).toBe(3);
      expect(
        after.items.find(
          (s: any) => s.externalId === 'inc4:component:default/payments',
        ).resolvedAt,
      ).toEqual(expect.any(String));
      const status = await statuspageStatus(server);
      expect(status.externalServices).toEqual([
        expect.objectContaining({
          id: `${PAGE}/${PAYMENTS}`,
          entityRef: 'component:default/payments',
          unattributedSignals: 0,
        }),
      ]);
    });

    it('backfills incidents and maintenances over the REST API through the scheduled sync', async () => {
      fake = await FakeStatuspage.start();
      const base = Date.now() - 5 * 24 * HOUR;
      for (let i = 0; i < 120; i += 1) {
        const createdAt = new Date(base + i * 60_000).toISOString();
        fake.addIncidents(
          PAGE,
          fakeIncident({
            pageId: PAGE,
            id: `rest${i}`,
            createdAt,
            impact: i % 3 === 0 ? 'critical' : 'minor',
            components:
              i % 4 === 0
                ? [{ id: 'cmp-unknown', name: 'Unknown component' }]
                : [{ id: CHECKOUT, name: 'Checkout' }],
            // All resolved but the 100th, which the next run reads again.
            ...(i !== 100 && {
              resolvedAt: new Date(base + i * 60_000 + 600_000).toISOString(),
            }),
          }),
        );
      }
      fake.addIncidents(
        PAGE,
        fakeMaintenance({
          pageId: PAGE,
          id: 'mnt-rest',
          createdAt: ago(3 * 24 * HOUR),
          scheduledFor: ago(2 * 24 * HOUR),
          scheduledUntil: ago(47 * HOUR),
          status: 'completed',
          resolvedAt: ago(47 * HOUR),
          components: [{ id: CHECKOUT }],
        }),
      );
      const server = await start({
        apiKey: fake.apiKey,
        baseUrl: fake.baseUrl,
      });
      expect(await statuspageStatus(server)).toMatchObject({ syncs: true });

      // The mock scheduler runs the triggered task before answering.
      await request(server)
        .post('/api/user-trust/sources/statuspage/resync')
        .set('Authorization', user)
        .expect(202);

      const checkout = await signalsOf(server, 'checkout-api');
      // 90 incidents of the checkout component, and the maintenance.
      expect(checkout.totalCount).toBe(91);
      const kinds = checkout.items.map((s: any) => s.kind);
      expect(kinds.filter((k: string) => k === 'known_event')).toHaveLength(1);
      expect(
        checkout.items.find(
          (s: any) => s.externalId === 'rest0:component:default/checkout-api',
        ),
      ).toBeUndefined(); // rest0 is on the unknown component
      expect(
        checkout.items.find(
          (s: any) => s.externalId === 'rest3:component:default/checkout-api',
        ),
      ).toMatchObject({ kind: 'incident', severity: 'critical' });

      const status = await statuspageStatus(server);
      expect(status.lastSyncAt).toEqual(expect.any(String));
      expect(status.errors).toEqual([]);
      expect(status.externalServices).toEqual([
        expect.objectContaining({
          id: `${PAGE}/cmp-unknown`,
          name: 'Unknown component',
          unattributedSignals: 30,
        }),
      ]);

      // The next run reads back only to the oldest incident still open:
      // what it reads again is stored unchanged, nothing counted twice.
      const requestsBefore = fake.requests.length;
      await request(server)
        .post('/api/user-trust/sources/statuspage/resync')
        .set('Authorization', user)
        .expect(202);
      const again = fake.requests
        .slice(requestsBefore)
        .filter(r => r.path === `/v1/pages/${PAGE}/incidents`);
      // Newest first, 100 a page: the open incident (the 21st newest) is on
      // page 1, so the run stops at page 2 (all created before it).
      expect(again.map(r => r.query.get('page'))).toEqual(['1', '2']);
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(91);
      expect((await statuspageStatus(server)).errors).toEqual([]);
    });

    it('shows a refused API key as a sync error, and webhooks still work', async () => {
      fake = await FakeStatuspage.start();
      fake.addPage(PAGE);
      const server = await start({ apiKey: 'revoked', baseUrl: fake.baseUrl });
      await request(server)
        .post('/api/user-trust/sources/statuspage/resync')
        .set('Authorization', user);
      const status = await statuspageStatus(server);
      expect(status.errors[0]).toMatchObject({
        context: 'sync',
        message: expect.stringContaining(`page ${PAGE}`),
      });
      expect(status.errors[0].message).not.toContain('revoked');
      await deliver(server, notification('inc7', [{ id: CHECKOUT }])).expect(
        202,
      );
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(1);
    });
  });
});
