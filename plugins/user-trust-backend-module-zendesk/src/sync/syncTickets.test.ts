import { ZendeskClient } from '../client/ZendeskClient';
import { FakeZendesk, fakeTicket } from '../__testUtils__/fakeZendesk';
import { memoryContext } from '../__testUtils__/memoryContext';
import { syncZendeskTickets, ZENDESK_EXPORT_STATE_KEY } from './syncTickets';

describe('syncZendeskTickets', () => {
  let fake: FakeZendesk;
  beforeEach(async () => {
    fake = await FakeZendesk.start();
  });
  afterEach(() => fake.stop());

  const NOW = Date.parse('2026-11-01T00:00:00Z');
  const client = () =>
    new ZendeskClient({
      baseUrl: fake.baseUrl,
      credentials: { type: 'oauth', accessToken: fake.oauthToken },
      exportRequestsPerMinute: 0,
      sleep: async () => {},
    });

  it('resumes from the stored cursor after a restart, storing each ticket once', async () => {
    fake.pageSize = 10;
    for (let i = 1; i <= 35; i += 1) {
      fake.upsertTickets(
        fakeTicket({
          id: i,
          created_at: new Date(
            NOW - 10 * 86_400_000 + i * 60_000,
          ).toISOString(),
        }),
      );
    }
    const { context, state } = memoryContext();
    const stored: number[] = [];
    /** One run in a fresh process (a new client), storing into `stored`. */
    const run = (crashOnPage?: number) => {
      let pages = 0;
      return syncZendeskTickets({
        client: client(),
        context,
        backfillDays: 30,
        now: () => NOW,
        store: async page => {
          pages += 1;
          if (pages === crashOnPage) throw new Error('process killed');
          stored.push(...page.tickets.map(t => Number(t.id)));
        },
      });
    };

    // The first run "crashes" while storing its third page.
    await expect(run(3)).rejects.toThrow('process killed');
    expect(stored).toHaveLength(20);
    expect(state.get(ZENDESK_EXPORT_STATE_KEY)).toEqual({
      cursor: expect.any(String),
    });
    expect(fake.exportRequests()[0].query.get('start_time')).toBe(
      String((NOW - 30 * 86_400_000) / 1000),
    );

    // A new process: it starts from the stored cursor, not from start_time.
    const before = fake.exportRequests().length;
    expect(await run()).toEqual({ pages: 2, tickets: 15 });
    const resumed = fake.exportRequests().slice(before);
    expect(resumed[0].query.get('start_time')).toBeNull();
    expect(resumed[0].query.get('cursor')).toEqual(expect.any(String));
    expect(stored).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));

    // The next run polls from the last after_cursor: nothing new, one request.
    expect(await run()).toEqual({ pages: 1, tickets: 0 });
  });
});
