import { ZendeskClient } from '../client/ZendeskClient';
import { ZendeskConfig } from '../config';
import { storeSurveyResponses } from '../connector/storeSurveyResponses';
import { storeTickets, surveyRatedStateKey } from '../connector/storeTickets';
import {
  FakeZendesk,
  fakeSurveyResponse,
  fakeTicket,
} from '../__testUtils__/fakeZendesk';
import { memoryContext } from '../__testUtils__/memoryContext';
import { zendeskCatalogIndex } from '../mapping/TicketEntityMapping';
import { zendeskSurveyTicketId } from '../mapping/surveyResponseSignals';
import {
  syncZendeskSurveyResponses,
  ZENDESK_SURVEY_STATE_KEY,
} from './syncSurveyResponses';

const NOW = Date.parse('2026-11-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const config = {
  account: 'acme',
  mapping: { tagPrefix: 'service_', services: {} },
  escalation: { groupIds: [], tags: [] },
} as unknown as ZendeskConfig;

const index = zendeskCatalogIndex([
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default' },
  },
]);

describe('syncZendeskSurveyResponses', () => {
  let fake: FakeZendesk;
  beforeEach(async () => {
    fake = await FakeZendesk.start();
  });
  afterEach(() => fake.stop());

  it("maps responses to their ticket's entity in one ticket read a page, honours 429 and re-reads editable responses", async () => {
    const sleeps: number[] = [];
    const client = () =>
      new ZendeskClient({
        baseUrl: fake.baseUrl,
        credentials: { type: 'oauth', accessToken: fake.oauthToken },
        sleep: async ms => {
          sleeps.push(ms);
        },
        now: () => NOW,
      });
    for (let i = 1; i <= 25; i += 1) {
      fake.upsertTickets(
        fakeTicket({
          id: i,
          created_at: iso(NOW - 20 * 86_400_000),
          // Ticket 25 names a service without entity: kept, not dropped.
          tags: [i === 25 ? 'service_search' : 'service_checkout-api'],
          satisfaction_rating: { score: i % 2 ? 'good' : 'bad' },
        }),
      );
      fake.upsertSurveyResponses(
        fakeSurveyResponse({
          id: `resp-${String(i).padStart(2, '0')}`,
          ticketId: i,
          rating: (i % 3) + 1,
          scale: 3,
          createdAt: iso(NOW - 10 * 86_400_000 + i * 60_000),
          expiresAt: iso(NOW + 86_400_000),
        }),
      );
    }
    // Older than the backfill: not read.
    fake.upsertSurveyResponses(
      fakeSurveyResponse({
        id: 'resp-old',
        ticketId: 1,
        rating: 1,
        scale: 5,
        createdAt: iso(NOW - 40 * 86_400_000),
      }),
    );
    const { context, state, signals, kept } = memoryContext();
    const run = () => {
      const c = client();
      return syncZendeskSurveyResponses({
        client: c,
        context,
        backfillDays: 30,
        now: () => NOW,
        store: async page => {
          const ids = page.responses
            .map(zendeskSurveyTicketId)
            .filter((id): id is string => !!id);
          const read = await c.getTickets(ids);
          await storeSurveyResponses({
            responses: page.responses,
            tickets: new Map(read.map(t => [String(t.ticket.id), t])),
            config,
            index,
            context,
          });
        },
      });
    };

    // The first request is rate limited: its Retry-After is waited.
    fake.failNext({ status: 429, retryAfter: '3' });
    const first = await run();
    expect(first).toEqual({ pages: 1, responses: 25 });
    expect(sleeps).toEqual([3000]);
    const [limited, listed] = fake.surveyRequests();
    expect(limited.query.get('filter[created_at_start]')).toBe(
      String((NOW - 30 * 86_400_000) / 1000),
    );
    expect(listed.query.get('page[size]')).toBe('100');
    expect(
      fake.requests.filter(r => r.path === '/api/v2/tickets/show_many.json'),
    ).toHaveLength(1);

    expect(signals.get('survey-response:resp-01')).toMatchObject({
      entityRef: 'component:default/checkout-api',
      kind: 'csat_response',
      value: 3, // rating 2 of 3
      occurredAt: iso(NOW - 10 * 86_400_000 + 60_000),
    });
    expect(signals.get('survey-response:resp-02')).toMatchObject({ value: 5 });
    expect(signals.get('survey-response:resp-03')).toMatchObject({ value: 1 });
    expect(signals.size).toBe(24);
    expect([...kept.get('service_search')!.keys()]).toEqual([
      'survey-response:resp-25',
    ]);
    expect(state.get(surveyRatedStateKey(1))).toBe(true);
    // Responses still editable (expires_at ahead): the next run lists from
    // the oldest of them, so an edit is read again.
    expect(state.get(ZENDESK_SURVEY_STATE_KEY)).toEqual({
      since: Math.floor((NOW - 10 * 86_400_000 + 60_000) / 1000),
    });

    // The ticket export then leaves out the good/bad summary of rated tickets.
    await storeTickets({
      tickets: fake.tickets.slice(0, 2).map(ticket => ({ ticket })),
      config,
      index,
      context,
    });
    expect(signals.has('1:csat')).toBe(false);
    expect(signals.has('1')).toBe(true);

    // An edited rating updates its signal, never adds one.
    fake.upsertSurveyResponses(
      fakeSurveyResponse({
        id: 'resp-01',
        ticketId: 1,
        rating: 1,
        scale: 3,
        createdAt: iso(NOW - 10 * 86_400_000 + 60_000),
        updatedAt: iso(NOW - 60_000),
        expiresAt: iso(NOW + 86_400_000),
      }),
    );
    await run();
    expect(signals.get('survey-response:resp-01')).toMatchObject({
      value: 1,
      occurredAt: iso(NOW - 60_000),
    });
    expect(signals.size).toBe(26); // 24 responses + tickets 1 and 2
  });

  it('stores the cursor after each page and resumes from it after a restart', async () => {
    const client = new ZendeskClient({
      baseUrl: fake.baseUrl,
      credentials: { type: 'oauth', accessToken: fake.oauthToken },
      sleep: async () => {},
    });
    for (let i = 1; i <= 250; i += 1) {
      fake.upsertSurveyResponses(
        fakeSurveyResponse({
          id: `r${String(i).padStart(3, '0')}`,
          ticketId: i,
          rating: 5,
          scale: 5,
          createdAt: iso(NOW - 5 * 86_400_000 + i * 1000),
          expiresAt: iso(NOW - 86_400_000),
        }),
      );
    }
    const { context, state } = memoryContext();
    const stored: string[] = [];
    const run = (crashOnPage?: number) => {
      let pages = 0;
      return syncZendeskSurveyResponses({
        client,
        context,
        backfillDays: 30,
        now: () => NOW,
        store: async page => {
          pages += 1;
          if (pages === crashOnPage) throw new Error('process killed');
          stored.push(...page.responses.map(r => r.id));
        },
      });
    };
    await expect(run(2)).rejects.toThrow('process killed');
    expect(stored).toHaveLength(100);
    expect(state.get(ZENDESK_SURVEY_STATE_KEY)).toEqual({
      since: (NOW - 30 * 86_400_000) / 1000,
      cursor: expect.any(String),
    });
    const before = fake.surveyRequests().length;
    expect(await run()).toEqual({ pages: 2, responses: 150 });
    const resumed = fake.surveyRequests().slice(before);
    expect(resumed[0].query.get('page[after]')).toEqual(expect.any(String));
    expect(resumed[0].query.get('filter[created_at_start]')).toBe(
      String((NOW - 30 * 86_400_000) / 1000),
    );
    expect(new Set(stored).size).toBe(250);
    // Done: none is editable any more, so the next run lists from this run's start.
    expect(state.get(ZENDESK_SURVEY_STATE_KEY)).toEqual({ since: NOW / 1000 });
  });
});
