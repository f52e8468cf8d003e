import {
  fakeIncident,
  fakeLogEntry,
  FakePagerDuty,
  fakeUser,
} from '../__testUtils__/fakePagerDuty';
import { PagerDutyApiError } from './PagerDutyApiError';
import { PagerDutyClient, PagerDutyClientOptions } from './PagerDutyClient';

const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2025-01-01T00:00:00Z');

let fake: FakePagerDuty;
let sleeps: number[];

beforeEach(async () => {
  fake = await FakePagerDuty.start();
  sleeps = [];
});
afterEach(() => fake.stop());

function client(options: Partial<PagerDutyClientOptions> = {}) {
  return new PagerDutyClient({
    token: fake.token,
    baseUrl: fake.baseUrl,
    sleep: async ms => {
      sleeps.push(ms);
    },
    now: () => start,
    ...options,
  });
}

function incidentsEvery(count: number, stepMs: number, from = start) {
  return Array.from({ length: count }, (_, i) =>
    fakeIncident({
      id: `P${String(i).padStart(6, '0')}`,
      number: i + 1,
      createdAt: new Date(from + i * stepMs).toISOString(),
    }),
  );
}

async function readAll(
  pagerDuty: PagerDutyClient,
  since: Date,
  until: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of pagerDuty.listIncidents({ since, until })) {
    ids.push(...page.map(incident => incident.id));
  }
  return ids;
}

describe('PagerDutyClient', () => {
  it('sends the token and the v2 media type, and pages with offset, limit and more', async () => {
    fake.addIncidents(...incidentsEvery(250, 60_000));
    const ids = await readAll(client(), new Date(start), new Date(start + DAY));
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(fake.requests.map(r => r.query.get('offset'))).toEqual([
      '0',
      '100',
      '200',
    ]);
    for (const request of fake.requests) {
      expect(request.authorization).toBe(`Token token=${fake.token}`);
      expect(request.accept).toBe('application/vnd.pagerduty+json;version=2');
      expect(request.query.get('limit')).toBe('100');
    }
  });

  it('reads a long history in slices the 6-month limit allows', async () => {
    // one incident a week for two years; the fake refuses longer ranges
    fake.addIncidents(...incidentsEvery(104, 7 * DAY));
    const until = new Date(start + 104 * 7 * DAY);
    const ids = await readAll(
      client({ sliceMs: 400 * DAY }),
      new Date(start),
      until,
    );
    expect(ids).toHaveLength(104);
    for (const request of fake.requests) {
      const span =
        Date.parse(request.query.get('until')!) -
        Date.parse(request.query.get('since')!);
      expect(span).toBeLessThanOrEqual(180 * DAY);
    }
  });

  it('the fake holds PagerDuty to its limits: 6 months and offset + limit ≤ 10,000', async () => {
    const headers = { Authorization: `Token token=${fake.token}` };
    const tooLong = await fetch(
      `${fake.baseUrl}/incidents?since=2025-01-01T00:00:00Z&until=2025-07-02T00:00:00Z`,
      { headers },
    );
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ error: { code: 2005 } });
    const tooDeep = await fetch(
      `${fake.baseUrl}/incidents?date_range=all&offset=9950&limit=100`,
      { headers },
    );
    expect(tooDeep.status).toBe(400);
    expect(await tooDeep.json()).toMatchObject({
      error: { message: 'Invalid Input Provided', code: 2001 },
    });
  });

  it('continues a slice past 10,000 incidents without passing the cap, each incident once', async () => {
    // 10,250 incidents within one slice, several sharing each second
    const incidents = Array.from({ length: 10_250 }, (_, i) =>
      fakeIncident({
        id: `P${String(i).padStart(6, '0')}`,
        createdAt: new Date(start + Math.floor(i / 3) * 1000).toISOString(),
      }),
    );
    fake.addIncidents(...incidents);
    const ids = await readAll(client(), new Date(start), new Date(start + DAY));
    expect(ids).toHaveLength(10_250);
    expect(new Set(ids).size).toBe(10_250);
    // the slice was continued from a later `since` once the cap was near
    expect(
      new Set(fake.requests.map(r => r.query.get('since'))).size,
    ).toBeGreaterThan(1);
    for (const request of fake.requests) {
      expect(
        Number(request.query.get('offset')) +
          Number(request.query.get('limit')),
      ).toBeLessThanOrEqual(10_000);
    }
  }, 60_000);

  it('says so when more than 10,000 incidents share one instant', async () => {
    fake.addIncidents(
      ...Array.from({ length: 10_001 }, (_, i) =>
        fakeIncident({ id: `P${i}`, createdAt: new Date(start).toISOString() }),
      ),
    );
    await expect(
      readAll(client(), new Date(start), new Date(start + DAY)),
    ).rejects.toMatchObject({ kind: 'pagination-limit' });
  }, 60_000);

  it('waits out 429 answers for ratelimit-reset seconds', async () => {
    fake.addIncidents(...incidentsEvery(3, 1000));
    fake.rateLimitNext(2, 20);
    const ids = await readAll(client(), new Date(start), new Date(start + DAY));
    expect(ids).toHaveLength(3);
    expect(sleeps).toEqual([20_000, 20_000]);
  });

  it('falls back to Retry-After (seconds or date), then backoff, on a 429', async () => {
    fake.addIncidents(...incidentsEvery(1, 1000));
    fake.answerNext(429, '', { 'retry-after': '7' });
    fake.answerNext(429, '', {
      'retry-after': new Date(start + 3000).toUTCString(),
    });
    fake.answerNext(429, 'Too Many Requests');
    await readAll(client(), new Date(start), new Date(start + DAY));
    expect(sleeps).toEqual([7000, 3000, 4000]);
  });

  it('gives up on a limit that never lifts, as rate-limited', async () => {
    fake.rateLimitNext(4, 1);
    await expect(
      readAll(
        client({ maxRateLimitWaits: 3 }),
        new Date(start),
        new Date(start + DAY),
      ),
    ).rejects.toMatchObject({ kind: 'rate-limited', details: { status: 429 } });
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });

  it('retries 5xx with backoff', async () => {
    fake.addIncidents(...incidentsEvery(2, 1000));
    fake.failNext(2, 500);
    fake.failNext(1, 503);
    const ids = await readAll(client(), new Date(start), new Date(start + DAY));
    expect(ids).toHaveLength(2);
    expect(sleeps).toEqual([1000, 2000, 4000]);
  });

  it('raises a server-error after every retry failed', async () => {
    fake.failNext(5, 502);
    const error = await readAll(
      client(),
      new Date(start),
      new Date(start + DAY),
    ).catch(e => e);
    expect(error).toBeInstanceOf(PagerDutyApiError);
    expect(error.kind).toBe('server-error');
    expect(error.message).toMatch(/answered 502/);
  });

  it('raises typed errors naming the problem for other 4xx, without retrying', async () => {
    const wrongToken = await readAll(
      client({ token: 'revoked' }),
      new Date(start),
      new Date(start + DAY),
    ).catch(e => e);
    expect(wrongToken).toMatchObject({
      kind: 'unauthorized',
      details: { status: 401, code: 2006 },
    });
    expect(wrongToken.message).toBe(
      'PagerDuty GET /incidents answered 401 (Authentication failed; code 2006)',
    );
    expect(wrongToken.message).not.toMatch(/revoked/);
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('raises invalid-response for a 2xx that is not the JSON expected', async () => {
    fake.answerNext(200, '<html>proxy</html>');
    await expect(
      readAll(client(), new Date(start), new Date(start + DAY)),
    ).rejects.toMatchObject({ kind: 'invalid-response' });
    fake.answerNext(200, '{"incidents": "none"}');
    await expect(
      readAll(client(), new Date(start), new Date(start + DAY)),
    ).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('retries a connection that cannot be made, then says network', async () => {
    const unreachable = client({
      baseUrl: 'http://127.0.0.1:1',
      maxRetries: 2,
    });
    await expect(
      readAll(unreachable, new Date(start), new Date(start + DAY)),
    ).rejects.toMatchObject({ kind: 'network' });
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('reads log entries page by page, and the timeline they tell', async () => {
    const incident = fakeIncident({
      id: 'PINC1',
      createdAt: '2025-01-01T10:00:00Z',
      resolvedAt: '2025-01-01T11:00:00Z',
    });
    fake.addIncidents(incident);
    const at = (minute: number) =>
      new Date(
        Date.parse('2025-01-01T10:00:00Z') + minute * 60_000,
      ).toISOString();
    fake.logEntries.set('PINC1', [
      fakeLogEntry({
        id: 'L1',
        incidentId: 'PINC1',
        type: 'trigger_log_entry',
        at: at(0),
      }),
      // assignment by the escalation policy at trigger time: no reassignment
      fakeLogEntry({
        id: 'L2',
        incidentId: 'PINC1',
        type: 'assign_log_entry',
        at: at(0),
      }),
      ...Array.from({ length: 120 }, (_, i) =>
        fakeLogEntry({
          id: `N${i}`,
          incidentId: 'PINC1',
          type: 'notify_log_entry',
          at: at(1),
        }),
      ),
      fakeLogEntry({
        id: 'L3',
        incidentId: 'PINC1',
        type: 'escalate_log_entry',
        at: at(15),
      }),
      fakeLogEntry({
        id: 'L4',
        incidentId: 'PINC1',
        type: 'acknowledge_log_entry',
        at: at(17),
        agent: fakeUser('PU1'),
      }),
      fakeLogEntry({
        id: 'L5',
        incidentId: 'PINC1',
        type: 'acknowledge_log_entry',
        at: at(30),
        agent: fakeUser('PU2'),
      }),
      fakeLogEntry({
        id: 'L6',
        incidentId: 'PINC1',
        type: 'resolve_log_entry',
        at: at(60),
        agent: fakeUser('PU1'),
      }),
    ]);
    const pagerDuty = client();
    expect(await pagerDuty.listIncidentLogEntries('PINC1')).toHaveLength(126);
    expect(await pagerDuty.getIncidentTimeline('PINC1')).toEqual({
      acknowledgedAt: '2025-01-01T10:17:00.000Z',
      acknowledgedBy: 'PU1',
      resolvedAt: '2025-01-01T11:00:00.000Z',
      escalatedAt: '2025-01-01T10:15:00.000Z',
      escalationType: 'escalated',
    });
    await expect(pagerDuty.getIncidentTimeline('PNOPE')).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});
