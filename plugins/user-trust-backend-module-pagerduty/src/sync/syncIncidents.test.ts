import {
  fakeIncident,
  fakeLogEntry,
  FakePagerDuty,
} from '../__testUtils__/fakePagerDuty';
import { memoryIngest } from '../__testUtils__/memoryIngest';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { ServiceEntityMapping } from '../mapping/ServiceEntityMapping';
import {
  syncPagerDutyIncidents,
  UnmappedServiceSignals,
} from './syncIncidents';

const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-06-01T00:00:00Z');

let fake: FakePagerDuty;
beforeEach(async () => {
  fake = await FakePagerDuty.start();
});
afterEach(() => fake.stop());

const mapping = ServiceEntityMapping.create({
  configured: [
    {
      accountId: 'acme',
      services: { PSVC001: 'component:default/checkout-api' },
    },
  ],
});

describe('syncPagerDutyIncidents', () => {
  it('backfills a year: mapped incidents ingested, unmapped ones kept, a rerun unchanged', async () => {
    for (let i = 0; i < 300; i++) {
      fake.addIncidents(
        fakeIncident({
          id: `P${i}`,
          number: i + 1,
          createdAt: new Date(start + i * DAY + 1000).toISOString(),
          serviceId: i % 3 === 0 ? 'PSVC404' : 'PSVC001',
          serviceName: i % 3 === 0 ? 'Legacy Billing' : 'Checkout API',
          ...(i % 2 === 0 && {
            resolvedAt: new Date(start + i * DAY + 3_600_000).toISOString(),
          }),
        }),
      );
    }
    fake.logEntries.set('P2', [
      fakeLogEntry({
        id: 'L1',
        incidentId: 'P2',
        type: 'acknowledge_log_entry',
        at: new Date(start + 2 * DAY + 60_000).toISOString(),
      }),
      fakeLogEntry({
        id: 'L2',
        incidentId: 'P2',
        type: 'escalate_log_entry',
        at: new Date(start + 2 * DAY + 30_000).toISOString(),
      }),
    ]);
    fake.rateLimitNext(1, 2);
    const sleeps: number[] = [];
    const client = new PagerDutyClient({
      token: fake.token,
      baseUrl: fake.baseUrl,
      sleep: async ms => {
        sleeps.push(ms);
      },
    });
    const memory = memoryIngest();
    const kept: UnmappedServiceSignals[] = [];
    const pages: number[] = [];
    const options = {
      accountId: 'acme',
      client,
      since: new Date(start),
      until: new Date(start + 365 * DAY),
      mapping,
      ingest: memory.ingest,
      keepUnmapped: async (unmapped: UnmappedServiceSignals[]) => {
        kept.push(...unmapped);
      },
      onPage: (p: { incidents: number }) => {
        pages.push(p.incidents);
      },
    };

    const first = await syncPagerDutyIncidents(options);
    expect(first).toMatchObject({
      incidents: 300,
      unmapped: 100,
      created: 201, // 200 incidents + the escalation of P2
      updated: 0,
      unchanged: 0,
    });
    expect(sleeps).toEqual([2000]);
    expect(pages[pages.length - 1]).toBe(300);
    expect(kept.every(k => k.service.serviceId === 'PSVC404')).toBe(true);
    expect(kept.flatMap(k => k.signals)).toHaveLength(100);

    const p2 = memory.stored.get('pagerduty\u0000P2');
    expect(p2).toMatchObject({
      entityRef: 'component:default/checkout-api',
      resolvedAt: new Date(start + 2 * DAY + 3_600_000).toISOString(),
      attributes: {
        acknowledgedAt: new Date(start + 2 * DAY + 60_000).toISOString(),
        escalatedAt: new Date(start + 2 * DAY + 30_000).toISOString(),
      },
    });
    expect(memory.stored.get('pagerduty\u0000P2:escalation')).toMatchObject({
      kind: 'escalation',
    });

    const again = await syncPagerDutyIncidents(options);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 201 });
  });

  it('stops at the first failure, keeping what was stored', async () => {
    for (let i = 0; i < 150; i++) {
      fake.addIncidents(
        fakeIncident({
          id: `P${i}`,
          createdAt: new Date(start + i * 60_000).toISOString(),
        }),
      );
    }
    const client = new PagerDutyClient({
      token: fake.token,
      baseUrl: fake.baseUrl,
      sleep: async () => {},
    });
    const memory = memoryIngest();
    let calls = 0;
    const ingest: typeof memory.ingest = async signals => {
      calls += 1;
      if (calls === 2) throw new Error('ingestion refused');
      return memory.ingest(signals);
    };
    await expect(
      syncPagerDutyIncidents({
        accountId: 'acme',
        client,
        since: new Date(start),
        until: new Date(start + DAY),
        mapping,
        ingest,
        keepUnmapped: async () => {},
      }),
    ).rejects.toThrow('ingestion refused');
    expect(memory.stored.size).toBe(100);
  });
});
