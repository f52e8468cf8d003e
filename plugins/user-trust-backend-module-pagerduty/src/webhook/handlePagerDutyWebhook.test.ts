import { mockServices } from '@backstage/backend-test-utils';
import { createHmac } from 'node:crypto';
import {
  fakeIncident,
  fakeLogEntry,
  FakePagerDuty,
  signedDelivery,
  webhookIncidentData,
  webhookPayload,
} from '../__testUtils__/fakePagerDuty';
import { memoryIngest } from '../__testUtils__/memoryIngest';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { ServiceEntityMapping } from '../mapping/ServiceEntityMapping';
import {
  handlePagerDutyWebhook,
  PagerDutyWebhookDependencies,
} from './handlePagerDutyWebhook';
import { WebhookEventOutcome } from './webhookEvents';

const accounts = [
  { id: 'us', webhookSecrets: ['us-secret'] },
  { id: 'eu', webhookSecrets: ['eu-old', 'eu-new'] },
];
const mapping = ServiceEntityMapping.create({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout-api',
        annotations: { 'pagerduty.com/service-id': 'PSVC001' },
      },
    },
  ],
});

const incident = fakeIncident({
  id: 'PINC001',
  createdAt: '2026-11-30T10:00:00Z',
  priority: 'P2',
});

function delivery(
  eventType: string,
  secrets: string[],
  data: unknown = webhookIncidentData(incident),
) {
  return signedDelivery(
    webhookPayload({
      eventId: `ev-${eventType}`,
      eventType,
      occurredAt: '2026-11-30T10:05:00Z',
      data,
    }),
    secrets,
  );
}

function setup(overrides: Partial<PagerDutyWebhookDependencies> = {}) {
  const memory = memoryIngest();
  const unmapped: Array<Extract<WebhookEventOutcome, { type: 'unmapped' }>> =
    [];
  const deps: PagerDutyWebhookDependencies = {
    accounts,
    mapping,
    ingest: memory.ingest,
    keepUnmapped: async outcome => {
      unmapped.push(outcome);
    },
    logger: mockServices.logger.mock(),
    ...overrides,
  };
  return { deps, memory, unmapped };
}

describe('handlePagerDutyWebhook', () => {
  it('stores a signed delivery, and a retried delivery changes nothing', async () => {
    const { deps, memory } = setup();
    const first = await handlePagerDutyWebhook(
      delivery('incident.triggered', ['us-secret']),
      deps,
    );
    expect(first).toMatchObject({
      status: 202,
      accountId: 'us',
      ingested: { created: 1, updated: 0, unchanged: 0 },
    });
    const again = await handlePagerDutyWebhook(
      delivery('incident.triggered', ['us-secret']),
      deps,
    );
    expect(again).toMatchObject({
      status: 202,
      ingested: { created: 0, updated: 0, unchanged: 1 },
    });
    expect([...memory.stored.values()]).toEqual([
      expect.objectContaining({
        externalId: 'PINC001',
        entityRef: 'component:default/checkout-api',
        severity: 'high',
      }),
    ]);
  });

  it('finds the account by whichever of its secrets signed (rotation)', async () => {
    const { deps } = setup();
    for (const secrets of [['eu-old'], ['eu-new'], ['eu-old', 'eu-new']]) {
      const result = await handlePagerDutyWebhook(
        delivery('incident.triggered', secrets),
        deps,
      );
      expect(result).toMatchObject({ status: 202, accountId: 'eu' });
    }
  });

  it('answers 401 and stores nothing for a wrong or missing signature', async () => {
    const { deps, memory, unmapped } = setup();
    expect(
      await handlePagerDutyWebhook(
        delivery('incident.triggered', ['guessed']),
        deps,
      ),
    ).toEqual({ status: 401, reason: 'mismatch' });
    const unsigned = delivery('incident.triggered', ['us-secret']);
    delete (unsigned.headers as Record<string, string>)[
      'x-pagerduty-signature'
    ];
    expect(await handlePagerDutyWebhook(unsigned, deps)).toEqual({
      status: 401,
      reason: 'missing-header',
    });
    expect(memory.batches).toEqual([]);
    expect(unmapped).toEqual([]);
  });

  it('answers 400 for a signed body that is no event, and 413 for an oversized one', async () => {
    const { deps, memory } = setup();
    const garbage = Buffer.from('{"event": [truncated');
    const result = await handlePagerDutyWebhook(
      {
        rawBody: garbage,
        headers: {
          'x-pagerduty-signature': signedDelivery({}, ['us-secret']).headers[
            'x-pagerduty-signature'
          ],
        },
      },
      deps,
    );
    expect(result.status).toBe(401);

    const sign = (body: Buffer) =>
      `v1=${createHmac('sha256', 'us-secret').update(body).digest('hex')}`;
    expect(
      await handlePagerDutyWebhook(
        {
          rawBody: garbage,
          headers: { 'x-pagerduty-signature': sign(garbage) },
        },
        deps,
      ),
    ).toMatchObject({
      status: 400,
      message: expect.stringMatching(/not JSON/),
    });

    const huge = Buffer.alloc(1024 * 1024 + 1, 'a');
    expect(
      await handlePagerDutyWebhook(
        { rawBody: huge, headers: { 'x-pagerduty-signature': sign(huge) } },
        deps,
      ),
    ).toMatchObject({ status: 413 });
    expect(memory.batches).toEqual([]);
  });

  it('acknowledges an event type it does not use', async () => {
    const { deps, memory } = setup();
    const result = await handlePagerDutyWebhook(
      delivery('incident.annotated', ['us-secret'], {
        id: 'NOTE1',
        type: 'incident_note',
        content: 'looking',
      }),
      deps,
    );
    expect(result).toMatchObject({
      status: 202,
      outcome: { type: 'ignored', eventType: 'incident.annotated' },
    });
    expect(memory.batches).toEqual([]);
  });

  it('keeps an unmapped service before answering, and fails when it cannot', async () => {
    const other = webhookIncidentData(
      fakeIncident({
        id: 'PINC777',
        createdAt: '2026-11-30T10:00:00Z',
        serviceId: 'PSVC404',
        serviceName: 'Legacy Billing',
      }),
    );
    const { deps, unmapped, memory } = setup();
    const result = await handlePagerDutyWebhook(
      delivery('incident.triggered', ['us-secret'], other),
      deps,
    );
    expect(result).toMatchObject({
      status: 202,
      outcome: { type: 'unmapped' },
    });
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0].service).toMatchObject({
      serviceId: 'PSVC404',
      serviceName: 'Legacy Billing',
    });
    expect(memory.batches).toEqual([]);

    const failing = setup({
      keepUnmapped: async () => {
        throw new Error('database down');
      },
    });
    await expect(
      handlePagerDutyWebhook(
        delivery('incident.triggered', ['us-secret'], other),
        failing.deps,
      ),
    ).rejects.toThrow('database down');
  });

  it('lets a storage failure through, so the route answers 5xx and PagerDuty retries', async () => {
    const { deps } = setup({
      ingest: async () => {
        throw new Error('connection reset');
      },
    });
    await expect(
      handlePagerDutyWebhook(
        delivery('incident.triggered', ['us-secret']),
        deps,
      ),
    ).rejects.toThrow('connection reset');
  });

  describe('with the REST API for timelines', () => {
    let fake: FakePagerDuty;
    beforeEach(async () => {
      fake = await FakePagerDuty.start();
    });
    afterEach(() => fake.stop());

    const resolved = fakeIncident({
      id: 'PINC001',
      createdAt: '2026-11-30T10:00:00Z',
      resolvedAt: '2026-11-30T10:40:00Z',
    });

    /** Delivers `incident.resolved`, reading timelines with this token. */
    async function deliverResolved(
      token: string,
      logger = mockServices.logger.mock(),
    ) {
      const client = new PagerDutyClient({ token, baseUrl: fake.baseUrl });
      const { deps, memory } = setup({
        logger,
        getIncidentTimeline: (_account, id) => client.getIncidentTimeline(id),
      });
      const result = await handlePagerDutyWebhook(
        delivery(
          'incident.resolved',
          ['us-secret'],
          webhookIncidentData(resolved),
        ),
        deps,
      );
      return { result, stored: memory.stored.get('pagerduty\u0000PINC001') };
    }

    it('reads the acknowledgement of a resolved incident from its log entries', async () => {
      fake.addIncidents(resolved);
      fake.logEntries.set('PINC001', [
        fakeLogEntry({
          id: 'L1',
          incidentId: 'PINC001',
          type: 'acknowledge_log_entry',
          at: '2026-11-30T10:02:00Z',
        }),
        fakeLogEntry({
          id: 'L2',
          incidentId: 'PINC001',
          type: 'resolve_log_entry',
          at: '2026-11-30T10:40:00Z',
        }),
      ]);
      const { result, stored } = await deliverResolved(fake.token);
      expect(result.status).toBe(202);
      expect(stored).toMatchObject({
        resolvedAt: '2026-11-30T10:40:00.000Z',
        attributes: { acknowledgedAt: '2026-11-30T10:02:00.000Z' },
      });
    });

    it('still stores the delivery when the log entries cannot be read', async () => {
      const logger = mockServices.logger.mock();
      const { result, stored } = await deliverResolved('wrong', logger);
      expect(result).toMatchObject({ status: 202, ingested: { created: 1 } });
      // the time of the resolve event stands in for the log entry
      expect(stored?.resolvedAt).toBe('2026-11-30T10:05:00.000Z');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(/log entries could not be read.*401/),
      );
    });
  });
});
