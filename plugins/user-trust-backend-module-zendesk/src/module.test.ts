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
  FakeZendesk,
  fakeSurveyResponse,
  fakeTicket,
  signedDelivery,
  ticketEvent,
} from './__testUtils__/fakeZendesk';
import zendeskModule from './index';

jest.setTimeout(120_000);

const SECRET = 'zendesk-signing-secret';
const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

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
  component('checkout-api'),
  component('payments', { 'zendesk.com/tags': 'refunds' }),
  component('billing-ui'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane', namespace: 'default' },
    spec: { profile: { email: 'jane@example.com' } },
  },
];

describe('the Zendesk module in a backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
    let fake: FakeZendesk | undefined;

    async function start(zendesk: Record<string, unknown> = {}) {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          zendeskModule,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              userTrust: {
                zendesk: {
                  subdomain: 'acme',
                  webhookSecrets: [SECRET],
                  escalation: { groupIds: [4242], tags: ['escalated'] },
                  ...zendesk,
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
    /** A signed delivery as Zendesk posts it: no Backstage credentials. */
    const deliver = (
      server: any,
      delivery: ReturnType<typeof signedDelivery>,
    ) =>
      request(server)
        .post('/api/user-trust/webhooks/zendesk')
        .set({
          ...delivery.headers,
          Authorization: mockCredentials.none.header(),
        })
        .send(delivery.rawBody.toString('utf8'));
    const read = (server: any, path: string) =>
      request(server)
        .get(`/api/user-trust${path}`)
        .set('Authorization', user)
        .expect(200)
        .then(res => res.body);
    const signalsOf = (server: any, name: string) =>
      read(server, `/entities/component/default/${name}/signals?limit=500`);
    const zendeskStatus = async (server: any) =>
      (await read(server, '/sources')).items.find(
        (source: { id: string }) => source.id === 'zendesk',
      );

    it('stores a signed ticket event as a support case and updates it on later events', async () => {
      const server = await start();
      const createdAt = Date.now() - 2 * HOUR;
      const ticket = fakeTicket({
        id: 101,
        created_at: iso(createdAt),
        priority: 'high',
        organization_id: 55,
        tags: ['vip', 'service_checkout-api'],
      });
      const created = signedDelivery(
        ticketEvent({ type: 'created', ticket }),
        SECRET,
      );
      const first = await deliver(server, created);
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ outcome: 'ingested' });
      // Zendesk delivers at least once: the retry changes nothing.
      expect((await deliver(server, created)).status).toBe(202);
      let signals = await signalsOf(server, 'checkout-api');
      expect(signals.totalCount).toBe(1);
      expect(signals.items[0]).toMatchObject({
        source: 'zendesk',
        externalId: '101',
        kind: 'support_case',
        severity: 'high',
        account: '55',
        occurredAt: iso(createdAt),
        attributes: expect.objectContaining({ zendeskAccount: 'acme' }),
      });
      expect(signals.items[0].resolvedAt).toBeUndefined();

      const solvedAt = iso(createdAt + HOUR);
      const solved = signedDelivery(
        ticketEvent({
          type: 'status_changed',
          ticket: { ...ticket, status: 'solved', updated_at: solvedAt },
          time: solvedAt,
          previous: 'OPEN',
          current: 'SOLVED',
        }),
        SECRET,
      );
      expect((await deliver(server, solved)).status).toBe(202);
      signals = await signalsOf(server, 'checkout-api');
      expect(signals.totalCount).toBe(1);
      expect(signals.items[0]).toMatchObject({
        externalId: '101',
        resolvedAt: solvedAt,
      });

      // Moved to the escalation group: an escalation signal besides the case.
      const movedAt = iso(createdAt + 30 * 60_000);
      const moved = signedDelivery(
        ticketEvent({
          type: 'group_assignment_changed',
          ticket: { ...ticket, group_id: 4242, updated_at: movedAt },
          time: movedAt,
          previous: '1',
          current: '4242',
        }),
        SECRET,
      );
      expect((await deliver(server, moved)).status).toBe(202);
      signals = await signalsOf(server, 'checkout-api');
      expect(signals.totalCount).toBe(2);
      expect(signals.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            externalId: '101:escalation',
            kind: 'escalation',
            occurredAt: movedAt,
          }),
        ]),
      );
      expect(await zendeskStatus(server)).toMatchObject({
        title: 'Zendesk',
        receivesWebhooks: true,
        syncs: false,
        webhooksAccepted: 4,
      });
    });

    it('refuses a wrong signature and a stale timestamp with 401, storing nothing', async () => {
      const server = await start();
      const ticket = fakeTicket({
        id: 102,
        created_at: iso(Date.now() - HOUR),
        tags: ['service_checkout-api'],
      });
      const payload = ticketEvent({ type: 'created', ticket });
      const forged = await deliver(
        server,
        signedDelivery(payload, 'not-the-secret'),
      );
      expect(forged.status).toBe(401);
      expect(forged.body.error.message).toMatch(/matches no configured/);
      const stale = await deliver(
        server,
        signedDelivery(payload, SECRET, {
          timestamp: iso(Date.now() - 10 * 60_000),
        }),
      );
      expect(stale.status).toBe(401);
      expect(stale.body.error.message).toMatch(/replay window/);
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(0);
      expect((await zendeskStatus(server)).webhooksRefused).toBe(2);
    });

    it('refuses malformed JSON and ignores events that are not ticket events', async () => {
      const server = await start();
      const broken = await deliver(
        server,
        signedDelivery(undefined, SECRET, {
          body: '{"type": "zen:event-type:ticket.created", ',
        }),
      );
      expect(broken.status).toBe(400);
      expect(broken.body.error.message).toMatch(/not JSON/);
      const noId = await deliver(
        server,
        signedDelivery(
          { type: 'zen:event-type:ticket.created', detail: {} },
          SECRET,
        ),
      );
      expect(noId.status).toBe(400);
      const userEvent = await deliver(
        server,
        signedDelivery(
          { type: 'zen:event-type:user.active_changed', detail: { id: '1' } },
          SECRET,
        ),
      );
      expect(userEvent.status).toBe(202);
      expect(userEvent.body).toEqual({ outcome: 'ignored' });

      // A ticket whose dates ingestion refuses: 422 naming it, nothing stored.
      const badDate = signedDelivery(
        ticketEvent({
          type: 'created',
          ticket: fakeTicket({
            id: 104,
            created_at: 'not-a-date',
            updated_at: iso(Date.now() - HOUR),
            tags: ['service_checkout-api'],
          }),
        }),
        SECRET,
      );
      const refused = await deliver(server, badDate);
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(/ticket 104 were refused/);
      expect((await signalsOf(server, 'checkout-api')).totalCount).toBe(0);
    });

    it('keeps a ticket of an unknown service and attributes it once mapped', async () => {
      const server = await start();
      const ticket = fakeTicket({
        id: 103,
        created_at: iso(Date.now() - HOUR),
        tags: ['service_billing'],
      });
      const res = await deliver(
        server,
        signedDelivery(ticketEvent({ type: 'created', ticket }), SECRET),
      );
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ outcome: 'unattributed' });
      expect((await zendeskStatus(server)).externalServices).toEqual([
        expect.objectContaining({
          id: 'service_billing',
          unattributedSignals: 1,
        }),
      ]);
      const mapped = await request(server)
        .post('/api/user-trust/sources/zendesk/mappings')
        .set('Authorization', user)
        .send({ serviceId: 'service_billing', entityRef: 'billing-ui' });
      expect(mapped.status).toBe(200);
      expect(mapped.body).toEqual({ attributed: 1 });
      const signals = await signalsOf(server, 'billing-ui');
      expect(signals.items.map((s: any) => s.externalId)).toEqual(['103']);
    });

    it('backfills through the incremental export with cases, escalations and CSAT, once', async () => {
      fake = await FakeZendesk.start();
      fake.pageSize = 20;
      fake.users.push({ id: 7, email: 'jane@example.com', name: 'Jane' });
      fake.organizations.push({ id: 55, name: 'Globex' });
      const base = Date.now() - 5 * 24 * HOUR;
      for (let i = 1; i <= 50; i += 1) {
        const createdAt = base + i * 60_000;
        fake.upsertTickets(
          fakeTicket({
            id: i,
            created_at: iso(createdAt),
            updated_at: iso(createdAt + 30 * 60_000),
            priority: i % 10 === 0 ? 'urgent' : 'normal',
            assignee_id: 7,
            organization_id: 55,
            status: i % 2 === 0 ? 'solved' : 'open',
            group_id: i % 10 === 0 ? 4242 : 1,
            custom_fields: [
              { id: 360001, value: i % 5 === 0 ? 'search' : 'checkout-api' },
            ],
            satisfaction_rating:
              i % 2 === 0
                ? { id: 900 + i, score: i % 4 === 0 ? 'good' : 'bad' }
                : null,
          }),
        );
        if (i % 2 === 0) {
          fake.metricSets.push({
            ticket_id: i,
            solved_at: iso(createdAt + 20 * 60_000),
          });
        }
      }
      // One ticket ingestion refuses (created 20 years ago) holds back no other.
      fake.upsertTickets(
        fakeTicket({
          id: 60,
          created_at: iso(Date.now() - 20 * 365 * 24 * HOUR),
          updated_at: iso(base),
          custom_fields: [{ id: 360001, value: 'checkout-api' }],
        }),
      );
      // The first export request is rate limited.
      fake.failNext({ status: 429, retryAfter: '0' });
      const server = await start({
        baseUrl: fake.baseUrl,
        email: fake.email,
        apiToken: fake.apiToken,
        exportRequestsPerMinute: 0,
        mapping: { fieldId: 360001 },
      });
      expect(await zendeskStatus(server)).toMatchObject({ syncs: true });

      // The mock scheduler runs the triggered task before answering.
      await request(server)
        .post('/api/user-trust/sources/zendesk/resync')
        .set('Authorization', user)
        .expect(202);
      const checkout = await signalsOf(server, 'checkout-api');
      const byKind = (kind: string) =>
        checkout.items.filter((s: any) => s.kind === kind);
      // 40 tickets name checkout-api; 10 name "search", which is no entity.
      expect(byKind('support_case')).toHaveLength(40);
      expect(byKind('escalation')).toHaveLength(0); // i % 10 === 0 are all "search"
      expect(byKind('csat_response')).toHaveLength(20);
      const solved = checkout.items.find((s: any) => s.externalId === '2');
      expect(solved).toMatchObject({
        handledBy: 'user:default/jane',
        account: 'Globex',
        severity: 'medium',
        resolvedAt: iso(base + 2 * 60_000 + 20 * 60_000),
      });
      expect(
        checkout.items.find((s: any) => s.externalId === '2:csat'),
      ).toMatchObject({
        value: 1,
      });
      expect(
        checkout.items.find((s: any) => s.externalId === '4:csat'),
      ).toMatchObject({
        value: 5,
      });
      const status = await zendeskStatus(server);
      expect(status.errors).toEqual([]);
      expect(status.externalServices).toEqual([
        expect.objectContaining({
          id: 'search',
          unattributedSignals: 10 + 5 + 5,
        }),
      ]);
      const exports = fake.exportRequests();
      expect(exports[0].query.get('start_time')).toEqual(expect.any(String));
      expect(exports.slice(2).every(r => r.query.get('cursor'))).toBe(true);

      // A ticket updated since: the next run continues from the stored
      // cursor and updates its signal instead of adding one.
      const closedAt = iso(Date.now() - 60_000);
      fake.upsertTickets({
        ...fake.tickets[0],
        status: 'closed',
        updated_at: closedAt,
      });
      const before = fake.exportRequests().length;
      await request(server)
        .post('/api/user-trust/sources/zendesk/resync')
        .set('Authorization', user)
        .expect(202);
      const next = fake.exportRequests().slice(before);
      expect(next).toHaveLength(1);
      expect(next[0].query.get('start_time')).toBeNull();
      const after = await signalsOf(server, 'checkout-api');
      expect(after.totalCount).toBe(checkout.totalCount);
      expect(after.items.find((s: any) => s.externalId === '1')).toMatchObject({
        resolvedAt: closedAt,
      });

      // A webhook with credentials reads the ticket from the API (its custom field).
      fake.upsertTickets(
        fakeTicket({
          id: 77,
          created_at: iso(Date.now() - HOUR),
          custom_fields: [{ id: 360001, value: 'payments' }],
          tags: ['escalated'],
        }),
      );
      const hook = await deliver(
        server,
        signedDelivery(
          ticketEvent({
            type: 'tags_changed',
            ticket: fake.tickets[fake.tickets.length - 1],
          }),
          SECRET,
        ),
      );
      expect(hook.status).toBe(202);
      const payments = await signalsOf(server, 'payments');
      expect(payments.items.map((s: any) => s.kind).sort()).toEqual([
        'escalation',
        'support_case',
      ]);
    });

    it("stores CSAT survey responses on their ticket's entity, once, and counts a rating once", async () => {
      fake = await FakeZendesk.start();
      fake.users.push({ id: 7, email: 'jane@example.com', name: 'Jane' });
      fake.organizations.push({ id: 55, name: 'Globex' });
      const base = Date.now() - 2 * 24 * HOUR;
      const tickets = [
        { id: 201, tag: 'service_checkout-api', rating: 2, scale: 3 as const },
        { id: 202, tag: 'service_checkout-api', rating: 5, scale: 5 as const },
        { id: 203, tag: 'service_checkout-api', rating: 1, scale: 2 as const },
        { id: 204, tag: 'service_search', rating: 2, scale: 2 as const },
      ];
      for (const [i, t] of tickets.entries()) {
        fake.upsertTickets(
          fakeTicket({
            id: t.id,
            created_at: iso(base + i * 60_000),
            status: 'solved',
            assignee_id: 7,
            organization_id: 55,
            tags: [t.tag],
            // Zendesk's good/bad summary of the survey response.
            satisfaction_rating: { score: t.rating > 1 ? 'good' : 'bad' },
          }),
        );
        fake.upsertSurveyResponses(
          fakeSurveyResponse({
            id: `01J1WB51MG6HXTYWE6Q0C93R${i}`,
            ticketId: t.id,
            rating: t.rating,
            scale: t.scale,
            createdAt: iso(base + HOUR + i * 60_000),
            expiresAt: iso(Date.now() + 24 * HOUR),
          }),
        );
      }
      // The survey responses' first request is rate limited.
      fake.failNext({ status: 429, retryAfter: '0' });
      const server = await start({
        baseUrl: fake.baseUrl,
        email: fake.email,
        apiToken: fake.apiToken,
        exportRequestsPerMinute: 0,
      });
      const resync = () =>
        request(server)
          .post('/api/user-trust/sources/zendesk/resync')
          .set('Authorization', user)
          .expect(202);
      await resync();
      const csat = async () =>
        (await signalsOf(server, 'checkout-api')).items
          .filter((s: any) => s.kind === 'csat_response')
          .map((s: any) => [s.externalId, s.value, s.handledBy, s.account]);
      expect(await csat()).toEqual(
        expect.arrayContaining([
          [
            'survey-response:01J1WB51MG6HXTYWE6Q0C93R0',
            3,
            'user:default/jane',
            'Globex',
          ],
          [
            'survey-response:01J1WB51MG6HXTYWE6Q0C93R1',
            5,
            'user:default/jane',
            'Globex',
          ],
          [
            'survey-response:01J1WB51MG6HXTYWE6Q0C93R2',
            1,
            'user:default/jane',
            'Globex',
          ],
        ]),
      );
      // No `<ticket>:csat` beside them: each rating counts once.
      expect(await csat()).toHaveLength(3);
      expect(fake.surveyRequests()[0]).toMatchObject({
        path: '/api/v2/guide/survey_responses',
      });
      const status = await zendeskStatus(server);
      expect(status.errors).toEqual([]);
      expect(status.externalServices).toEqual([
        expect.objectContaining({
          id: 'service_search',
          unattributedSignals: 2, // the case and the survey response
        }),
      ]);

      // The responder changes the rating: a re-read updates its signal.
      fake.upsertSurveyResponses(
        fakeSurveyResponse({
          id: '01J1WB51MG6HXTYWE6Q0C93R0',
          ticketId: 201,
          rating: 3,
          scale: 3,
          createdAt: iso(base + HOUR),
          updatedAt: iso(Date.now() - 60_000),
          expiresAt: iso(Date.now() + 24 * HOUR),
        }),
      );
      await resync();
      const after = await csat();
      expect(after).toHaveLength(3);
      expect(after).toContainEqual([
        'survey-response:01J1WB51MG6HXTYWE6Q0C93R0',
        5,
        'user:default/jane',
        'Globex',
      ]);
    });

    it('shows a refused API token on the Sources page', async () => {
      fake = await FakeZendesk.start();
      const server = await start({
        baseUrl: fake.baseUrl,
        email: fake.email,
        apiToken: 'wrong',
        exportRequestsPerMinute: 0,
      });
      await request(server)
        .post('/api/user-trust/sources/zendesk/resync')
        .set('Authorization', user);
      const status = await zendeskStatus(server);
      expect(status.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/refused the credentials \(401\)/),
        }),
      ]);
    });
  });
});
