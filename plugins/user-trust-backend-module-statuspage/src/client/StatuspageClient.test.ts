import { ConfigReader } from '@backstage/config';
import {
  fakeComponent,
  fakeIncident,
  fakeMaintenance,
  FakeStatuspage,
} from '../__testUtils__/fakeStatuspage';
import { createStatuspageClients, readStatuspageConfig } from '../config';
import { StatuspageApiError } from './StatuspageApiError';
import { StatuspageClient, StatuspageClientOptions } from './StatuspageClient';

const PAGE = 'pg1';
const start = Date.parse('2026-01-01T00:00:00Z');

let fake: FakeStatuspage;
let sleeps: number[];

beforeEach(async () => {
  fake = await FakeStatuspage.start();
  fake.addPage(PAGE);
  sleeps = [];
});
afterEach(() => fake.stop());

function client(options: Partial<StatuspageClientOptions> = {}) {
  return new StatuspageClient({
    pageId: PAGE,
    apiKey: fake.apiKey,
    baseUrl: fake.baseUrl,
    sleep: async ms => {
      sleeps.push(ms);
    },
    now: () => start,
    minRequestIntervalMs: 0,
    ...options,
  });
}

function incidents(count: number) {
  return Array.from({ length: count }, (_, i) =>
    fakeIncident({
      pageId: PAGE,
      id: `inc${String(i).padStart(4, '0')}`,
      createdAt: new Date(start + i * 60_000).toISOString(),
    }),
  );
}

async function ids(pages: AsyncIterable<Array<{ id: string }>>) {
  const all: string[] = [];
  for await (const page of pages) all.push(...page.map(i => i.id));
  return all;
}

async function failure(promise: Promise<unknown>): Promise<StatuspageApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StatuspageApiError) return error;
    throw error;
  }
  throw new Error('expected a StatuspageApiError');
}

describe('StatuspageClient', () => {
  it('sends the API key and pages with limit and page until a short page', async () => {
    fake.addIncidents(PAGE, ...incidents(250));
    const read = await ids(client().listIncidents());
    expect(read).toHaveLength(250);
    expect(new Set(read).size).toBe(250);
    expect(read[0]).toBe('inc0249');
    const requests = fake.requests.map(r => [
      r.path,
      r.query.get('limit'),
      r.query.get('page'),
      r.authorization,
    ]);
    expect(requests).toEqual(
      [1, 2, 3].map(page => [
        `/v1/pages/${PAGE}/incidents`,
        '100',
        String(page),
        `OAuth ${fake.apiKey}`,
      ]),
    );
  });

  it('ends on an empty page after an exact multiple of the page size', async () => {
    fake.addIncidents(PAGE, ...incidents(200));
    expect(await ids(client().listIncidents())).toHaveLength(200);
    expect(fake.requests).toHaveLength(3);
  });

  it('stops at the first page created entirely before createdSince', async () => {
    fake.addIncidents(PAGE, ...incidents(500));
    const read = await ids(
      client({ pageSize: 50 }).listIncidents({
        createdSince: new Date(start + 420 * 60_000),
      }),
    );
    // Newest first: 499..450, 449..400 (reaches past the limit), then
    // 399..350, all older: read, not yielded, and the end.
    expect(read).toHaveLength(100);
    expect(fake.requests).toHaveLength(3);
  });

  it('reads scheduled maintenances and components with per_page', async () => {
    fake.addIncidents(
      PAGE,
      ...incidents(3),
      fakeMaintenance({
        pageId: PAGE,
        id: 'mnt1',
        createdAt: '2026-01-02T00:00:00Z',
        scheduledFor: '2026-01-03T00:00:00Z',
        scheduledUntil: '2026-01-03T02:00:00Z',
      }),
    );
    fake.components.get(PAGE)!.push(fakeComponent(PAGE, 'c1', 'API'));
    expect(await ids(client().listScheduledMaintenances())).toEqual(['mnt1']);
    expect(await client().listComponents()).toEqual([
      expect.objectContaining({ id: 'c1', name: 'API' }),
    ]);
    expect(fake.requests.map(r => [r.path, r.query.get('per_page')])).toEqual([
      [`/v1/pages/${PAGE}/incidents/scheduled`, '100'],
      [`/v1/pages/${PAGE}/components`, '100'],
    ]);
  });

  it('waits out 429 and 420 for Retry-After seconds', async () => {
    fake.addIncidents(PAGE, ...incidents(5));
    fake.rateLimitNext(1, 60);
    fake.rateLimitNext(1, 7, 420);
    expect(await ids(client().listIncidents())).toHaveLength(5);
    expect(sleeps).toEqual([60_000, 7_000]);
  });

  it('gives up on a rate limit that does not end, as rate-limited', async () => {
    fake.rateLimitNext(3, 1);
    const error = await failure(
      ids(client({ retry: { maxRateLimitWaits: 2 } }).listIncidents()),
    );
    expect(error.kind).toBe('rate-limited');
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('retries 5xx with exponential backoff, then reports a server error', async () => {
    fake.addIncidents(PAGE, ...incidents(2));
    fake.failNext(2, 503);
    expect(await ids(client().listIncidents())).toHaveLength(2);
    expect(sleeps).toEqual([1000, 2000]);

    sleeps = [];
    fake.failNext(5, 500);
    const error = await failure(ids(client().listIncidents()));
    expect(error).toMatchObject({
      kind: 'server-error',
      details: { pageId: PAGE, status: 500 },
    });
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
  });

  it('names a wrong API key and an unknown page, without retrying', async () => {
    const unauthorized = await failure(
      ids(client({ apiKey: 'wrong' }).listIncidents()),
    );
    expect(unauthorized.kind).toBe('unauthorized');
    expect(unauthorized.message).toBe(
      `Statuspage GET /pages/${PAGE}/incidents answered 401 (Could not authenticate): check the API key of this page`,
    );
    expect(unauthorized.message).not.toContain(fake.apiKey);
    const notFound = await failure(
      ids(client({ pageId: 'nope' }).listIncidents()),
    );
    expect(notFound.kind).toBe('not-found');
    expect(notFound.message).toMatch(/check the page id 'nope'/);
    expect(sleeps).toEqual([]);
  });

  it('reports a 2xx that is not a list of objects as invalid-response', async () => {
    fake.answerNext(200, '<html>maintenance</html>');
    expect((await failure(ids(client().listIncidents()))).kind).toBe(
      'invalid-response',
    );
    fake.answerNext(200, '{"incidents":[]}');
    expect((await failure(ids(client().listIncidents()))).kind).toBe(
      'invalid-response',
    );
  });

  it('stops when a server ignores page and repeats the first one', async () => {
    const repeated = JSON.stringify(incidents(100));
    for (let i = 0; i < 3; i++) fake.answerNext(200, repeated);
    expect(await ids(client().listIncidents())).toHaveLength(100);
    expect(fake.requests).toHaveLength(2);
  });

  it('retries a network failure, then reports it', async () => {
    const down = client({ baseUrl: 'http://127.0.0.1:1/v1' });
    const error = await failure(ids(down.listIncidents()));
    expect(error.kind).toBe('network');
    expect(sleeps).toHaveLength(4);
  });

  it('keeps its requests a second apart by default', async () => {
    fake.addIncidents(PAGE, ...incidents(150));
    let clock = start;
    const paced = client({
      minRequestIntervalMs: undefined,
      now: () => clock,
      sleep: async ms => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    expect(await ids(paced.listIncidents())).toHaveLength(150);
    expect(sleeps).toEqual([1000]);
  });
});

describe('several pages from config', () => {
  it('gives each page its own client, key and errors', async () => {
    fake.addIncidents(
      'pg2',
      ...incidents(3).map(i => ({ ...i, page_id: 'pg2' })),
    );
    const config = readStatuspageConfig(
      new ConfigReader({
        userTrust: {
          statuspage: {
            pages: [
              { id: 'pg2', apiKey: fake.apiKey, baseUrl: fake.baseUrl },
              { id: 'pg3', apiKey: 'revoked', baseUrl: fake.baseUrl },
            ],
          },
        },
      }),
    )!;
    const [pg2, pg3] = createStatuspageClients(config, {
      minRequestIntervalMs: 0,
    });
    expect(await ids(pg2.listIncidents())).toHaveLength(3);
    const error = await failure(ids(pg3.listIncidents()));
    expect(error).toMatchObject({
      kind: 'unauthorized',
      details: { pageId: 'pg3' },
    });
  });
});
