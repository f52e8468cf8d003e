import {
  UserTrustConnectorContext,
  UserTrustConnectorState,
} from '@user-trust/plugin-user-trust-node';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { PagerDutyConfig } from '../config';
import { ServiceEntityMapping } from '../mapping/ServiceEntityMapping';
import {
  FakePagerDuty,
  fakeIncident,
  signedDelivery,
  webhookIncidentData,
  webhookPayload,
} from '../__testUtils__/fakePagerDuty';
import { memoryIngest } from '../__testUtils__/memoryIngest';
import {
  AccountSyncCursor,
  createPagerDutyConnector,
} from './PagerDutyConnector';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-30T12:00:00Z');

function config(token?: string, baseUrl = ''): PagerDutyConfig {
  return {
    accounts: [
      {
        id: 'acme',
        token,
        baseUrl,
        webhookSecrets: ['secret'],
        serviceMapping: { PCHECKOUT: 'component:default/checkout-api' },
      },
    ],
    schedule: { frequency: { minutes: 15 }, timeout: { minutes: 10 } },
    backfillDays: 2,
    classification: {},
  };
}

function memoryState(): UserTrustConnectorState & {
  values: Map<string, unknown>;
} {
  const values = new Map<string, unknown>();
  return {
    values,
    get: async <T>(key: string) => values.get(key) as T | undefined,
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

const mapping = ServiceEntityMapping.create({
  configured: [
    {
      accountId: 'acme',
      services: { PCHECKOUT: 'component:default/checkout-api' },
    },
  ],
});

describe('createPagerDutyConnector', () => {
  it('reads the catalog only for a delivery some account signed', async () => {
    const mappings = { get: jest.fn(async () => ({ mapping })) };
    const connector = createPagerDutyConnector({
      config: config(),
      mappings,
      clients: new Map(),
      logger: { warn: jest.fn(), info: jest.fn() },
    });
    const { ingest } = memoryIngest();
    const context = {
      ingest,
      keepUnattributed: jest.fn(),
      logger: { warn: jest.fn() },
    } as unknown as UserTrustConnectorContext;
    const payload = webhookPayload({
      eventId: 'ev1',
      eventType: 'incident.triggered',
      occurredAt: new Date(NOW).toISOString(),
      data: webhookIncidentData(
        fakeIncident({
          id: 'P1',
          createdAt: new Date(NOW).toISOString(),
          serviceId: 'PCHECKOUT',
        }),
      ),
    });

    const forged = await connector.handleWebhook!(
      signedDelivery(payload, ['guess']),
      context,
    );
    expect(forged).toEqual({
      status: 401,
      message: expect.stringMatching(/matches no configured webhook secret/),
    });
    expect(mappings.get).not.toHaveBeenCalled();

    const signed = await connector.handleWebhook!(
      signedDelivery(payload, ['secret']),
      context,
    );
    expect(signed).toEqual({ status: 202, outcome: 'ingested' });
    expect(mappings.get).toHaveBeenCalledTimes(1);
  });

  it('has no sync without a token', () => {
    const connector = createPagerDutyConnector({
      config: config(),
      mappings: { get: async () => ({ mapping }) },
      clients: new Map(),
      logger: { warn: jest.fn(), info: jest.fn() },
    });
    expect(connector.sync).toBeUndefined();
  });

  describe('sync', () => {
    let fake: FakePagerDuty;
    beforeEach(async () => {
      fake = await FakePagerDuty.start();
    });
    afterEach(() => fake.stop());

    it('continues a run that stopped from its last stored page, then reads from the oldest open incident', async () => {
      for (let i = 0; i < 250; i += 1) {
        const createdAt = NOW - 40 * HOUR + i * 60_000;
        fake.addIncidents(
          fakeIncident({
            id: `PS${i}`,
            number: i + 1,
            createdAt: new Date(createdAt).toISOString(),
            serviceId: 'PCHECKOUT',
            // Only incident 120 is still open.
            ...(i !== 120 && {
              resolvedAt: new Date(createdAt + 600_000).toISOString(),
            }),
          }),
        );
      }
      const client = new PagerDutyClient({
        token: fake.token,
        baseUrl: fake.baseUrl,
        sleep: async () => {},
      });
      const connector = createPagerDutyConnector({
        config: config(fake.token, fake.baseUrl),
        mappings: { get: async () => ({ mapping }) },
        clients: new Map([['acme', client]]),
        logger: { warn: jest.fn(), info: jest.fn() },
        now: () => NOW,
      });
      const state = memoryState();
      const memory = memoryIngest();
      let failNext = false;
      const context = {
        ingest: async (signals: any) => {
          if (failNext) {
            failNext = false;
            throw new Error('database went away');
          }
          return memory.ingest(signals);
        },
        keepUnattributed: jest.fn(),
        logger: { warn: jest.fn() },
        state,
        reportProgress: jest.fn(),
        signal: new AbortController().signal,
      } as unknown as UserTrustConnectorContext & { signal: AbortSignal };

      // The second page fails: the first stays stored and marked.
      let pages = 0;
      context.reportProgress = jest.fn(async () => {
        pages += 1;
        if (pages === 1) failNext = true;
      });
      await expect(connector.sync!.run(context)).rejects.toThrow(
        'database went away',
      );
      const stopped = state.values.get('cursor:acme') as AccountSyncCursor;
      expect(stopped.run).toMatchObject({
        since: new Date(NOW - 2 * 24 * HOUR).toISOString(),
        until: new Date(NOW).toISOString(),
        resumeFrom: new Date(NOW - 40 * HOUR + 99 * 60_000).toISOString(),
      });
      expect(memory.stored.size).toBe(100);

      const requestsBefore = fake.requests.length;
      await connector.sync!.run(context);
      const resumedSince = fake.requests
        .slice(requestsBefore)
        .find(r => r.path === '/incidents')!
        .query.get('since');
      expect(resumedSince).toBe(stopped.run!.resumeFrom);
      expect(memory.stored.size).toBe(250);
      const done = state.values.get('cursor:acme') as AccountSyncCursor;
      expect(done).toEqual({
        until: new Date(NOW).toISOString(),
        oldestOpenAt: new Date(NOW - 40 * HOUR + 120 * 60_000).toISOString(),
      });

      // The next run starts at the incident still open, not at the backfill.
      const before = fake.requests.length;
      await connector.sync!.run(context);
      expect(
        fake.requests
          .slice(before)
          .find(r => r.path === '/incidents')!
          .query.get('since'),
      ).toBe(done.oldestOpenAt);
    });
  });
});
