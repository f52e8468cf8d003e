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
import { createHmac } from 'node:crypto';
import request from 'supertest';
import {
  FakePagerDuty,
  fakeIncident,
  fakeUser,
  signedDelivery,
  webhookIncidentData,
  webhookPayload,
} from './__testUtils__/fakePagerDuty';
import pagerDutyModule from './index';

jest.setTimeout(120_000);

const SECRET = 'whsec-test';
const HOUR = 3600_000;

function component(name: string, serviceId?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(serviceId && {
        annotations: { 'pagerduty.com/service-id': serviceId },
      }),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const entities = [
  component('checkout-api', 'PCHECKOUT'),
  component('payments'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane', namespace: 'default' },
    spec: { profile: { email: 'jane@example.com' } },
  },
];

/** A signed `incident.*` delivery for a fresh incident of a service. */
function delivery(options: {
  incidentId: string;
  serviceId: string;
  serviceName?: string;
  eventType?: string;
  secret?: string;
}) {
  const createdAt = new Date(Date.now() - HOUR).toISOString();
  const incident = fakeIncident({
    id: options.incidentId,
    createdAt,
    serviceId: options.serviceId,
    serviceName: options.serviceName,
    priority: 'P1',
  });
  return signedDelivery(
    webhookPayload({
      eventId: `ev-${options.incidentId}-${options.eventType ?? 'triggered'}`,
      eventType: options.eventType ?? 'incident.triggered',
      occurredAt: createdAt,
      data: webhookIncidentData(incident),
    }),
    [options.secret ?? SECRET],
  );
}

describe('the PagerDuty module in a backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
    let fake: FakePagerDuty | undefined;

    async function start(account: Record<string, unknown> = {}) {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          pagerDutyModule,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              userTrust: {
                pagerduty: {
                  accounts: [
                    { id: 'acme', webhookSecrets: [SECRET], ...account },
                  ],
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
    const deliver = (
      server: any,
      { rawBody, headers }: ReturnType<typeof signedDelivery>,
    ) =>
      request(server)
        .post('/api/user-trust/webhooks/pagerduty')
        // PagerDuty sends no Backstage credentials.
        .set('Authorization', mockCredentials.none.header())
        .set(headers)
        .send(rawBody.toString('utf8'));
    const signalsOf = async (server: any, name: string) => {
      const res = await request(server)
        .get(`/api/user-trust/entities/component/default/${name}/signals`)
        .set('Authorization', user);
      expect(res.status).toBe(200);
      return res.body;
    };
    const pagerDutyStatus = async (server: any) => {
      const res = await request(server)
        .get('/api/user-trust/sources')
        .set('Authorization', user);
      expect(res.status).toBe(200);
      return res.body.items.find((s: { id: string }) => s.id === 'pagerduty');
    };

    it('stores a signed incident for the annotated entity, once', async () => {
      const server = await start();
      const sent = delivery({ incidentId: 'PINC1', serviceId: 'PCHECKOUT' });

      const first = await deliver(server, sent);
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ outcome: 'ingested' });
      const signals = await signalsOf(server, 'checkout-api');
      expect(signals.totalCount).toBe(1);
      expect(signals.items[0]).toMatchObject({
        source: 'pagerduty',
        externalId: 'PINC1',
        kind: 'incident',
        severity: 'critical',
        attributes: expect.objectContaining({
          serviceId: 'PCHECKOUT',
          pagerdutyAccount: 'acme',
        }),
      });

      // PagerDuty delivers at least once: the retry changes nothing.
      const retry = await deliver(server, sent);
      expect(retry.status).toBe(202);
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(1);
      const status = await pagerDutyStatus(server);
      expect(status).toMatchObject({
        title: 'PagerDuty',
        receivesWebhooks: true,
        // No token: webhooks only.
        syncs: false,
        webhooksAccepted: 2,
        signals: { last24h: 1 },
      });
    });

    it('stores concurrent deliveries, each answered after its commit', async () => {
      const server = await start();
      const sent = Array.from({ length: 20 }, (_, i) =>
        delivery({ incidentId: `PCON${i}`, serviceId: 'PCHECKOUT' }),
      );
      // The same incident twice at once (a retry racing the original).
      sent.push(delivery({ incidentId: 'PCON0', serviceId: 'PCHECKOUT' }));
      const answers = await Promise.all(sent.map(d => deliver(server, d)));
      expect(answers.map(a => a.status)).toEqual(sent.map(() => 202));
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(20);
    });

    it('refuses a wrong or missing signature with a 401 and stores nothing', async () => {
      const server = await start();
      const forged = delivery({
        incidentId: 'PINC2',
        serviceId: 'PCHECKOUT',
        secret: 'not-the-secret',
      });
      const res = await deliver(server, forged);
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/matches no configured webhook/);

      const unsigned = await request(server)
        .post('/api/user-trust/webhooks/pagerduty')
        .set('Authorization', mockCredentials.none.header())
        .set('Content-Type', 'application/json')
        .send(forged.rawBody);
      expect(unsigned.status).toBe(401);

      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(0);
      const status = await pagerDutyStatus(server);
      expect(status.webhooksRefused).toBe(2);
      expect(status.externalServices).toEqual([]);
    });

    it('acknowledges an event type it does not use, and refuses malformed JSON', async () => {
      const server = await start();
      const note = signedDelivery(
        webhookPayload({
          eventId: 'ev-note',
          eventType: 'incident.annotated',
          occurredAt: new Date().toISOString(),
          data: { id: 'note-1', type: 'incident_note' },
        }),
        [SECRET],
      );
      const ignored = await deliver(server, note);
      expect(ignored.status).toBe(202);
      expect(ignored.body).toEqual({ outcome: 'ignored' });

      const broken = Buffer.from('{"event": ');
      const res = await deliver(server, {
        rawBody: broken,
        headers: {
          'content-type': 'application/json',
          'x-pagerduty-signature': `v1=${createHmac('sha256', SECRET)
            .update(broken)
            .digest('hex')}`,
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/not JSON/);
    });

    it('keeps an unmapped service with its name and attributes it once mapped', async () => {
      const server = await start();
      for (const id of ['PINC3', 'PINC4']) {
        const res = await deliver(
          server,
          delivery({
            incidentId: id,
            serviceId: 'PPAYMENTS',
            serviceName: 'Payments',
          }),
        );
        expect(res.status).toBe(202);
        expect(res.body).toEqual({ outcome: 'unattributed' });
      }
      const before = await pagerDutyStatus(server);
      expect(before.externalServices).toEqual([
        expect.objectContaining({
          id: 'acme:PPAYMENTS',
          name: 'Payments',
          unattributedSignals: 2,
        }),
      ]);
      expect((await signalsOf(server, 'payments')).totalCount).toBe(0);

      const mapped = await request(server)
        .post('/api/user-trust/sources/pagerduty/mappings')
        .set('Authorization', user)
        .send({ serviceId: 'acme:PPAYMENTS', entityRef: 'payments' });
      expect(mapped.status).toBe(200);
      expect(mapped.body).toEqual({ attributed: 2 });
      const signals = await signalsOf(server, 'payments');
      expect(signals.totalCount).toBe(2);
      expect(signals.items.map((s: any) => s.externalId).sort()).toEqual([
        'PINC3',
        'PINC4',
      ]);
      const after = await pagerDutyStatus(server);
      expect(after.externalServices).toEqual([
        expect.objectContaining({
          id: 'acme:PPAYMENTS',
          entityRef: 'component:default/payments',
          unattributedSignals: 0,
        }),
      ]);
    });

    it('keeps the incidents of a service mapped in config to an entity the catalog lacks', async () => {
      const server = await start({
        serviceMapping: { PGONE: 'component:default/gone' },
      });
      const res = await deliver(
        server,
        delivery({
          incidentId: 'PINC9',
          serviceId: 'PGONE',
          serviceName: 'Gone',
        }),
      );
      expect(res.status).toBe(202);
      const status = await pagerDutyStatus(server);
      expect(status.externalServices).toEqual([
        expect.objectContaining({
          id: 'acme:PGONE',
          name: 'Gone',
          unattributedSignals: 1,
        }),
      ]);
    });

    it('backfills incidents over the REST API through the scheduled sync', async () => {
      fake = await FakePagerDuty.start();
      fake.users.push({
        ...fakeUser('PUSER01', 'Jane'),
        name: 'Jane',
        email: 'jane@example.com',
      });
      const base = Date.now() - 5 * 24 * HOUR;
      for (let i = 0; i < 250; i += 1) {
        const createdAt = new Date(base + i * 60_000).toISOString();
        fake.addIncidents(
          fakeIncident({
            id: `PREST${i}`,
            number: i + 1,
            createdAt,
            serviceId: i % 5 === 0 ? 'PUNKNOWN' : 'PCHECKOUT',
            serviceName: i % 5 === 0 ? 'Unknown service' : 'Checkout API',
            ...(i % 2 === 0 && {
              resolvedAt: new Date(base + i * 60_000 + 600_000).toISOString(),
            }),
          }),
        );
      }
      const server = await start({ token: fake.token, baseUrl: fake.baseUrl });
      expect(await pagerDutyStatus(server)).toMatchObject({ syncs: true });

      // The mock scheduler runs the triggered task before answering.
      const resync = await request(server)
        .post('/api/user-trust/sources/pagerduty/resync')
        .set('Authorization', user);
      expect(resync.status).toBe(202);

      const checkout = await signalsOf(server, 'checkout-api');
      expect(checkout.totalCount).toBe(200);
      const open = checkout.items.find((s: any) => !s.resolvedAt);
      expect(open.handledBy).toBe('user:default/jane');
      const status = await pagerDutyStatus(server);
      expect(status.lastSyncAt).toEqual(expect.any(String));
      expect(status.errors).toEqual([]);
      expect(status.externalServices).toEqual([
        expect.objectContaining({
          id: 'acme:PUNKNOWN',
          name: 'Unknown service',
          unattributedSignals: 50,
        }),
      ]);

      // The next run reads only from the oldest incident still open: the
      // incidents are stored again unchanged, and none is counted twice.
      const requestsBefore = fake.requests.length;
      await request(server)
        .post('/api/user-trust/sources/pagerduty/resync')
        .set('Authorization', user)
        .expect(202);
      expect(fake.requests.length).toBeGreaterThan(requestsBefore);
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(200);
      const since = fake.requests
        .slice(requestsBefore)
        .find(r => r.path === '/incidents')!
        .query.get('since');
      expect(Date.parse(since!)).toBe(base + 60_000);
    });
  });
});
