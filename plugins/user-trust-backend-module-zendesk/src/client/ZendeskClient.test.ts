import { FakeZendesk, fakeTicket } from '../__testUtils__/fakeZendesk';
import {
  retryAfterMs,
  ZendeskClient,
  ZendeskClientOptions,
} from './ZendeskClient';
import { ZendeskApiError } from './ZendeskApiError';

describe('ZendeskClient against the fake Zendesk API', () => {
  let fake: FakeZendesk;
  const sleeps: number[] = [];
  let clock = Date.parse('2026-11-01T00:00:00Z');

  beforeEach(async () => {
    fake = await FakeZendesk.start();
    sleeps.length = 0;
  });
  afterEach(() => fake.stop());

  const client = (options: Partial<ZendeskClientOptions> = {}) =>
    new ZendeskClient({
      baseUrl: fake.baseUrl,
      credentials: {
        type: 'apiToken',
        email: fake.email,
        apiToken: fake.apiToken,
      },
      exportRequestsPerMinute: 0,
      sleep: async ms => {
        sleeps.push(ms);
        clock += ms;
      },
      now: () => clock,
      ...options,
    });

  function addTickets(count: number) {
    for (let i = 1; i <= count; i += 1) {
      const at = new Date(
        Date.parse('2026-10-01T00:00:00Z') + i * 60_000,
      ).toISOString();
      fake.upsertTickets(fakeTicket({ id: i, created_at: at, assignee_id: 7 }));
    }
    fake.users.push({ id: 7, email: 'jane@example.com', name: 'Jane' });
  }

  it('reads the export from start_time, then by after_cursor until end_of_stream', async () => {
    addTickets(25);
    fake.pageSize = 10;
    const zendesk = client();
    const start = Math.floor(Date.parse('2026-09-01T00:00:00Z') / 1000);
    let page = await zendesk.exportTickets({ startTime: start });
    const ids = page.tickets.map(t => t.id);
    expect(page.endOfStream).toBe(false);
    expect(page.sideloads.users.get('7')?.email).toBe('jane@example.com');
    while (!page.endOfStream) {
      page = await zendesk.exportTickets({ cursor: page.afterCursor! });
      ids.push(...page.tickets.map(t => t.id));
    }
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const requests = fake.exportRequests();
    expect(requests).toHaveLength(3);
    expect(requests[0].query.get('start_time')).toBe(String(start));
    expect(requests[0].query.get('cursor')).toBeNull();
    expect(requests[1].query.get('cursor')).toEqual(expect.any(String));
    expect(requests[0].query.get('include')).toBe(
      'users,organizations,metric_sets',
    );
    expect(requests[0].authorization).toBe(
      `Basic ${Buffer.from(`${fake.email}/token:${fake.apiToken}`).toString(
        'base64',
      )}`,
    );

    // Polling again from the last after_cursor returns only what changed since.
    fake.upsertTickets(
      fakeTicket({
        id: 3,
        created_at: '2026-10-01T00:03:00Z',
        updated_at: '2026-10-30T00:00:00Z',
        status: 'solved',
      }),
    );
    const next = await zendesk.exportTickets({ cursor: page.afterCursor! });
    expect(next.tickets.map(t => [t.id, t.status])).toEqual([[3, 'solved']]);
    expect(next.endOfStream).toBe(true);
  });

  it('signs in with an OAuth bearer token', async () => {
    addTickets(1);
    const page = await client({
      credentials: { type: 'oauth', accessToken: fake.oauthToken },
    }).exportTickets({ startTime: 0 });
    expect(page.tickets).toHaveLength(1);
    expect(fake.requests[0].authorization).toBe(`Bearer ${fake.oauthToken}`);
  });

  it('paces the export to its requests a minute', async () => {
    addTickets(3);
    fake.pageSize = 1;
    const zendesk = client({ exportRequestsPerMinute: 10 });
    let page = await zendesk.exportTickets({ startTime: 0 });
    while (!page.endOfStream) {
      page = await zendesk.exportTickets({ cursor: page.afterCursor! });
    }
    expect(sleeps).toEqual([6000, 6000]);
  });

  it('waits the Retry-After of a 429 and retries', async () => {
    addTickets(2);
    fake.failNext({ status: 429, retryAfter: '7' }, { status: 503 });
    const page = await client().exportTickets({ startTime: 0 });
    expect(page.tickets).toHaveLength(2);
    expect(sleeps).toEqual([7000, 2000]);
    expect(fake.exportRequests()).toHaveLength(3);
  });

  it('gives up on a 429 with a clear error once retries are spent', async () => {
    fake.failNext(
      ...Array.from({ length: 3 }, () => ({ status: 429, retryAfter: '1' })),
    );
    const error = await client({ maxRetries: 2 })
      .exportTickets({ startTime: 0 })
      .catch(e => e);
    expect(error).toBeInstanceOf(ZendeskApiError);
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(
      /rate limited \(429, Retry-After 1\) after 3 attempt/,
    );
  });

  it('answers 401 with an auth error, without retrying', async () => {
    const error = await client({
      credentials: { type: 'apiToken', email: fake.email, apiToken: 'wrong' },
    })
      .exportTickets({ startTime: 0 })
      .catch(e => e);
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error.message).toMatch(/refused the credentials \(401\)/);
    expect(fake.requests).toHaveLength(1);
  });

  it('refuses garbage and answers without the export fields', async () => {
    fake.failNext({ status: 200, body: '<html>maintenance</html>' });
    await expect(
      client().exportTickets({ startTime: 0 }),
    ).rejects.toMatchObject({
      kind: 'invalid-response',
    });
    fake.failNext({ status: 200, body: '{"tickets": "no"}' });
    await expect(client().exportTickets({ startTime: 0 })).rejects.toThrow(
      /without 'tickets' and 'end_of_stream'/,
    );
    await expect(
      client().exportTickets({ cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({ kind: 'client', status: 400 });
  });

  it('reads one ticket with its sideloads, undefined once gone', async () => {
    addTickets(1);
    const read = await client().getTicket('1');
    expect(read?.ticket.id).toBe(1);
    expect(read?.sideloads.users.get('7')?.name).toBe('Jane');
    expect(await client().getTicket('999')).toBeUndefined();
  });

  it('lets one request retry less, failing fast on a long Retry-After', async () => {
    addTickets(1);
    fake.failNext({ status: 429, retryAfter: '60' });
    await expect(
      client().getTicket('1', {
        retries: { maxRetries: 2, maxRetryDelayMs: 3000 },
      }),
    ).rejects.toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(sleeps).toEqual([]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('30', 0)).toBe(30_000);
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('Thu, 01 Jan 1970 00:01:00 GMT', 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});
