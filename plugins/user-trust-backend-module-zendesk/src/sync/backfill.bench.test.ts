/*
 * Benchmark of a Zendesk backfill in a started backend (the User Trust
 * backend plugin and this module, SQLite in memory, an in-memory catalog):
 * the sync (started through POST /sources/zendesk/resync) reads N tickets
 * from the fake Zendesk server in pages of 1,000 and stores their signals.
 * Skipped unless ZENDESK_BENCH_TICKETS is set:
 *
 *   ZENDESK_BENCH_TICKETS=100000 [ZENDESK_BENCH_PER_MINUTE=10] CI=true \
 *     node scripts/yarn.mjs backstage-cli repo test --maxWorkers=1 \
 *     plugins/user-trust-backend-module-zendesk/src/sync/backfill.bench.test.ts
 *
 * ZENDESK_BENCH_PER_MINUTE paces the export as Zendesk's limit does (10 a
 * minute: 100 pages take 10 minutes); unset or 0 turns the delay off.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import userTrustPlugin from '@user-trust/plugin-user-trust-backend';
import request from 'supertest';
import { FakeZendesk, fakeTicket } from '../__testUtils__/fakeZendesk';
import zendeskModule from '../index';

const TICKETS = Number(process.env.ZENDESK_BENCH_TICKETS ?? 0);
const PER_MINUTE = Number(process.env.ZENDESK_BENCH_PER_MINUTE ?? 0);
const SERVICES = 20;
const DAY = 86_400_000;

(TICKETS > 0 ? describe : describe.skip)('Zendesk backfill benchmark', () => {
  jest.setTimeout(3 * 3600_000);

  it(`backfills ${TICKETS} tickets`, async () => {
    const fake = await FakeZendesk.start();
    const until = Date.now() - 3600_000;
    const since = until - 80 * DAY;
    for (let i = 1; i <= TICKETS; i += 1) {
      const created = since + ((until - since) * i) / TICKETS;
      const solved = i % 5 !== 0;
      fake.tickets.push(
        fakeTicket({
          id: i,
          created_at: new Date(created).toISOString(),
          updated_at: new Date(created + 3600_000).toISOString(),
          status: solved ? 'solved' : 'open',
          priority: ['low', 'normal', 'high', 'urgent'][i % 4],
          assignee_id: 7,
          organization_id: 100 + (i % 50),
          tags: [`service_svc-${i % SERVICES}`],
          satisfaction_rating:
            solved && i % 10 === 0
              ? { id: i, score: i % 20 ? 'good' : 'bad' }
              : null,
        }),
      );
    }
    fake.users.push({ id: 7, email: 'jane@example.com' });
    const entities = [
      ...Array.from({ length: SERVICES }, (_, s) => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `svc-${s}`, namespace: 'default' },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      })),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'jane', namespace: 'default' },
        spec: { profile: { email: 'jane@example.com' } },
      },
    ];
    const backend = await startTestBackend({
      features: [
        userTrustPlugin,
        zendeskModule,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            userTrust: {
              zendesk: {
                baseUrl: fake.baseUrl,
                email: fake.email,
                apiToken: fake.apiToken,
                exportRequestsPerMinute: PER_MINUTE,
                backfillDays: 90,
              },
            },
          },
        }),
      ],
    });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 200);
    const started = Date.now();
    await request(backend.server)
      .post('/api/user-trust/sources/zendesk/resync')
      .set('Authorization', mockCredentials.user.header())
      .expect(202);
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const status = (
      await request(backend.server)
        .get('/api/user-trust/sources')
        .set('Authorization', mockCredentials.user.header())
    ).body.items.find((s: { id: string }) => s.id === 'zendesk');
    const line = `Zendesk backfill: ${TICKETS} tickets, ${
      fake.exportRequests().length
    } export requests, pacing ${PER_MINUTE || 'off'}/min: ${seconds.toFixed(
      1,
    )} s (${Math.round(TICKETS / seconds)} tickets/s), peak RSS ${Math.round(
      peakRss / 2 ** 20,
    )} MiB (test process, fake server included); errors ${JSON.stringify(
      status.errors,
    )}`;
    process.stdout.write(`${line}\n`);
    expect(status.errors).toEqual([]);
    await backend.stop();
    await fake.stop();
  });
});
