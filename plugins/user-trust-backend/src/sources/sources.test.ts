import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  UserTrustConnector,
  userTrustConnectorsExtensionPoint,
} from '@user-trust/plugin-user-trust-node';
import { createHmac, timingSafeEqual } from 'node:crypto';
import request from 'supertest';
import userTrustPlugin from '../index';

jest.setTimeout(60_000);

const SECRET = 'test-secret';
const sign = (body: string) =>
  createHmac('sha256', SECRET).update(body).digest('hex');

const crashedOnce = new Set<string>();

/**
 * A connector as a vendor module would write one: it checks an HMAC of the
 * raw body, maps `service` through a fixed table and keeps what it cannot map.
 */
const connector: UserTrustConnector = {
  id: 'acme',
  title: 'Acme Incidents',
  async handleWebhook(delivery, context) {
    const expected = Buffer.from(sign(delivery.rawBody.toString('utf8')));
    const given = Buffer.from(String(delivery.headers['x-acme-signature']));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { status: 401, message: 'signature does not match' };
    }
    let event: { id: string; service: string; at: string };
    try {
      event = JSON.parse(delivery.rawBody.toString('utf8'));
    } catch {
      return { status: 400, message: 'body is not JSON' };
    }
    if (event.service === 'svc-crash-before') {
      throw new Error('the process died before storing');
    }
    const signal = {
      source: 'acme',
      externalId: event.id,
      kind: 'incident' as const,
      occurredAt: event.at,
    };
    if (
      event.service === 'svc-checkout' ||
      event.service === 'svc-crash-after'
    ) {
      await context.ingest([
        { ...signal, entityRef: 'component:default/checkout-api' },
      ]);
      // Committed, but the answer never leaves: the vendor sees a failure.
      if (event.service === 'svc-crash-after' && !crashedOnce.has(event.id)) {
        crashedOnce.add(event.id);
        throw new Error('the process died after storing');
      }
      return { status: 202, outcome: 'ingested' };
    }
    await context.keepUnattributed(
      { id: event.service, name: `Service ${event.service}` },
      [signal],
    );
    return { status: 202, outcome: 'unattributed' };
  },
};

const acmeModule = createBackendModule({
  pluginId: 'user-trust',
  moduleId: 'acme-test-connector',
  register(env) {
    env.registerInit({
      deps: { connectors: userTrustConnectorsExtensionPoint },
      async init({ connectors }) {
        connectors.addConnector(connector);
      },
    });
  },
});

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const HOUR = 3600_000;
const event = (id: string, service: string) =>
  JSON.stringify({
    id,
    service,
    at: new Date(Date.now() - HOUR).toISOString(),
  });

describe('connectors and the Sources API', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

    async function start(
      result:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      const knex = await databases.init(databaseId);
      crashedOnce.clear();
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          acmeModule,
          catalogServiceMock.factory({
            entities: [component('checkout-api'), component('payments')],
          }),
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory({ result }),
        ],
      });
      return backend.server;
    }

    afterEach(async () => {
      await backend?.stop();
      backend = undefined;
    });

    const user = mockCredentials.user.header();
    const deliver = (server: any, body: string, signature = sign(body)) =>
      request(server)
        .post('/api/user-trust/webhooks/acme')
        // Vendors send no Backstage credentials.
        .set('Authorization', mockCredentials.none.header())
        .set('Content-Type', 'application/json')
        .set('X-Acme-Signature', signature)
        .send(body);
    const signalsOf = async (server: any, name: string) =>
      (
        await request(server)
          .get(`/api/user-trust/entities/component/default/${name}/signals`)
          .set('Authorization', user)
      ).body;
    const acmeStatus = async (server: any) => {
      const res = await request(server)
        .get('/api/user-trust/sources')
        .set('Authorization', user);
      expect(res.status).toBe(200);
      return res.body.items.find((s: { id: string }) => s.id === 'acme');
    };

    it('stores a signed delivery once, without Backstage credentials, and counts it', async () => {
      const server = await start();
      const body = event('inc-1', 'svc-checkout');

      const first = await deliver(server, body);
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ outcome: 'ingested' });
      // At least once: the same delivery again changes nothing.
      expect((await deliver(server, body)).status).toBe(202);

      const signals = await signalsOf(server, 'checkout-api');
      expect(signals.totalCount).toBe(1);
      expect(signals.items[0]).toMatchObject({
        source: 'acme',
        externalId: 'inc-1',
      });
      const status = await acmeStatus(server);
      expect(status).toMatchObject({
        title: 'Acme Incidents',
        state: 'ok',
        receivesWebhooks: true,
        syncs: false,
        webhookPath: '/webhooks/acme',
        webhooksAccepted: 2,
        webhooksRefused: 0,
        // Created once; the retry stored nothing new.
        signals: { last24h: 1, last7d: 1 },
      });
      expect(status.lastWebhookAt).toEqual(expect.any(String));
    });

    it('refuses a bad signature with a 401, stores nothing and shows the error', async () => {
      const server = await start();
      const res = await deliver(server, event('inc-2', 'svc-checkout'), 'f00');
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe('signature does not match');
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(0);
      const status = await acmeStatus(server);
      expect(status.webhooksRefused).toBe(1);
      expect(status.state).toBe('error');
      expect(status.errors[0]).toMatchObject({
        context: 'webhook',
        message: 'Refused a delivery (401): signature does not match',
      });
    });

    it('answers 413 for a body over 1 MB and 404 for an unknown connector', async () => {
      const server = await start();
      const big = JSON.stringify({ padding: 'x'.repeat(1_100_000) });
      expect((await deliver(server, big)).status).toBe(413);
      const unknown = await request(server)
        .post('/api/user-trust/webhooks/nobody')
        .send('{}');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe('No connector nobody');
    });

    it('keeps signals of an unmapped service and attributes them once mapped', async () => {
      const server = await start();
      expect(
        (await deliver(server, event('inc-3', 'svc-payments'))).body,
      ).toEqual({ outcome: 'unattributed' });
      await deliver(server, event('inc-4', 'svc-payments'));

      const before = await acmeStatus(server);
      expect(before.externalServices).toEqual([
        expect.objectContaining({
          id: 'svc-payments',
          name: 'Service svc-payments',
          unattributedSignals: 2,
        }),
      ]);
      expect((await signalsOf(server, 'payments')).totalCount).toBe(0);

      const mapped = await request(server)
        .post('/api/user-trust/sources/acme/mappings')
        .set('Authorization', user)
        .send({ serviceId: 'svc-payments', entityRef: 'payments' });
      expect(mapped.status).toBe(200);
      expect(mapped.body).toEqual({ attributed: 2 });
      expect((await signalsOf(server, 'payments')).totalCount).toBe(2);

      // Later deliveries of the service go to its entity directly.
      expect(
        (await deliver(server, event('inc-5', 'svc-payments'))).status,
      ).toBe(202);
      expect((await signalsOf(server, 'payments')).totalCount).toBe(3);
      const after = await acmeStatus(server);
      expect(after.externalServices).toEqual([
        expect.objectContaining({
          id: 'svc-payments',
          entityRef: 'component:default/payments',
          unattributedSignals: 0,
        }),
      ]);
    });

    it('acknowledges nothing it has not stored, and a redelivery after a failure stores once', async () => {
      const server = await start();
      // Fails before storing: a 5xx, so the vendor delivers again.
      const before = await deliver(server, event('inc-6', 'svc-crash-before'));
      expect(before.status).toBe(500);
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(0);

      // Fails after storing: a 5xx too; the redelivery finds the signal.
      const body = event('inc-7', 'svc-crash-after');
      expect((await deliver(server, body)).status).toBe(500);
      expect((await deliver(server, body)).status).toBe(202);
      const signals = await signalsOf(server, 'checkout-api');
      expect(
        signals.items.map((s: { externalId: string }) => s.externalId),
      ).toEqual(['inc-7']);

      const status = await acmeStatus(server);
      expect(status.errors.map((e: { message: string }) => e.message)).toEqual([
        'the process died after storing',
        'the process died before storing',
      ]);
    });

    it('names a mapping to an entity that does not exist', async () => {
      const server = await start();
      const res = await request(server)
        .post('/api/user-trust/sources/acme/mappings')
        .set('Authorization', user)
        .send({ serviceId: 'svc-x', entityRef: 'component:default/nope' });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        'No entity component:default/nope that you may see',
      );
    });

    it('needs user-trust.source.manage to map or resync', async () => {
      const server = await start(AuthorizeResult.DENY);
      const mapping = await request(server)
        .post('/api/user-trust/sources/acme/mappings')
        .set('Authorization', user)
        .send({ serviceId: 'svc-payments', entityRef: 'payments' });
      expect(mapping.status).toBe(403);
      expect(mapping.body.error.message).toBe(
        'Not allowed: user-trust.source.manage',
      );
      const resync = await request(server)
        .post('/api/user-trust/sources/acme/resync')
        .set('Authorization', user);
      expect(resync.status).toBe(403);
      // Reading the Sources page needs only a signed-in caller.
      const anonymous = await request(server)
        .get('/api/user-trust/sources')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });
  });
});
