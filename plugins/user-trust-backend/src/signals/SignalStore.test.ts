import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { SignalStore } from './SignalStore';
import { toDate } from '../database/dates';
import { NormalizedSignal, SignalRow } from './types';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-01T12:00:00.000Z');
const daysAgo = (days: number, extraMs = 0) =>
  new Date(NOW.getTime() - days * DAY + extraMs);

function signal(overrides: Partial<NormalizedSignal> = {}): NormalizedSignal {
  return {
    source: 'zendesk',
    externalId: 'case-1',
    kind: 'support_case',
    entityRef: 'component:default/checkout-api',
    occurredAt: daysAgo(1),
    resolvedAt: null,
    severity: null,
    account: null,
    value: null,
    fieldRole: null,
    handledBy: null,
    attributes: null,
    ...overrides,
  };
}

describe('SignalStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let knex: Knex;
    let store: SignalStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      store = new SignalStore(knex);
    });

    const rows = () =>
      knex<SignalRow>('user_trust_signals').orderBy(['source', 'external_id']);

    describe('ingest', () => {
      it('creates new signals', async () => {
        await expect(
          store.ingest([
            signal({ externalId: 'a' }),
            signal({ externalId: 'b' }),
            signal({ source: 'pagerduty', externalId: 'a', kind: 'incident' }),
          ]),
        ).resolves.toEqual({ created: 3, updated: 0, unchanged: 0 });
        expect(
          (await rows()).map(r => [r.source, r.external_id, r.kind]),
        ).toEqual([
          ['pagerduty', 'a', 'incident'],
          ['zendesk', 'a', 'support_case'],
          ['zendesk', 'b', 'support_case'],
        ]);
      });

      it('leaves an identical signal unchanged, with every field set', async () => {
        const full = signal({
          occurredAt: new Date('2026-02-27T08:15:30.123Z'),
          resolvedAt: new Date('2026-02-28T09:00:00.456Z'),
          severity: 'critical',
          account: 'acme',
          value: 4.5,
          fieldRole: 'tam',
          handledBy: 'user:default/jane',
          attributes: '{"plan":"gold"}',
        });
        await store.ingest([full, signal({ externalId: 'plain' })]);
        const before = await rows();

        await expect(
          store.ingest([{ ...full }, signal({ externalId: 'plain' })]),
        ).resolves.toEqual({ created: 0, updated: 0, unchanged: 2 });
        expect(await rows()).toEqual(before);
      });

      it('counts created, updated and unchanged in one batch', async () => {
        await store.ingest([
          signal({ externalId: 'same' }),
          signal({ externalId: 'changed' }),
        ]);
        await expect(
          store.ingest([
            signal({ externalId: 'same' }),
            signal({ externalId: 'changed', severity: 'low' }),
            signal({ externalId: 'new' }),
          ]),
        ).resolves.toEqual({ created: 1, updated: 1, unchanged: 1 });
        expect(await rows()).toHaveLength(3);
      });

      it.each<[string, Partial<NormalizedSignal>]>([
        ['kind', { kind: 'escalation' }],
        ['entityRef', { entityRef: 'component:default/payments' }],
        ['occurredAt (by 1 ms)', { occurredAt: daysAgo(1, 1) }],
        ['resolvedAt', { resolvedAt: daysAgo(0) }],
        ['severity', { severity: 'medium' }],
        ['account', { account: 'globex' }],
        ['value', { value: 0 }],
        ['fieldRole', { fieldRole: 'csm' }],
        ['handledBy', { handledBy: 'user:default/joe' }],
        ['attributes', { attributes: '{"plan":"free"}' }],
      ])('counts a change of %s as an update', async (_, change) => {
        await store.ingest([signal()]);
        await expect(store.ingest([signal(change)])).resolves.toEqual({
          created: 0,
          updated: 1,
          unchanged: 0,
        });
      });

      it('replaces the stored row on update, keeping one row', async () => {
        await store.ingest([signal({ severity: 'low', account: 'acme' })]);
        const [before] = await rows();

        await store.ingest([
          signal({
            kind: 'escalation',
            severity: 'critical',
            account: null,
            value: 2,
            attributes: '{"tier":1}',
          }),
        ]);

        const after = await rows();
        expect(after).toHaveLength(1);
        expect(after[0]).toMatchObject({
          id: before.id,
          kind: 'escalation',
          severity: 'critical',
          account: null,
          attributes: '{"tier":1}',
        });
        expect(Number(after[0].value)).toBe(2);
      });

      it('round-trips dates with millisecond precision', async () => {
        const occurredAt = new Date('2026-02-27T08:15:30.123Z');
        const resolvedAt = new Date('2026-02-27T23:59:59.999Z');
        await store.ingest([signal({ occurredAt, resolvedAt })]);

        const [row] = await rows();
        expect(toDate(row.occurred_at).toISOString()).toBe(
          '2026-02-27T08:15:30.123Z',
        );
        expect(toDate(row.resolved_at!).toISOString()).toBe(
          '2026-02-27T23:59:59.999Z',
        );
        // ... which is what lets a retry compare equal.
        await expect(
          store.ingest([signal({ occurredAt, resolvedAt })]),
        ).resolves.toEqual({ created: 0, updated: 0, unchanged: 1 });
      });

      it('round-trips a fractional value', async () => {
        await store.ingest([signal({ value: 3.14159 })]);
        expect(Number((await rows())[0].value)).toBe(3.14159);
        await expect(
          store.ingest([signal({ value: 3.14159 })]),
        ).resolves.toEqual({ created: 0, updated: 0, unchanged: 1 });
      });

      it('writes batches larger than one chunk', async () => {
        const batch = Array.from({ length: 1234 }, (_, i) =>
          signal({
            source: i % 2 ? 'zendesk' : 'pagerduty',
            externalId: `id-${i}`,
          }),
        );
        await expect(store.ingest(batch)).resolves.toEqual({
          created: 1234,
          updated: 0,
          unchanged: 0,
        });
        const [{ n }] = await knex('user_trust_signals').count({ n: '*' });
        expect(Number(n)).toBe(1234);

        batch[1000] = { ...batch[1000], severity: 'high' };
        await expect(store.ingest(batch)).resolves.toEqual({
          created: 0,
          updated: 1,
          unchanged: 1233,
        });
      });

      it('writes nothing when the batch fails part-way', async () => {
        await store.ingest([signal({ externalId: 'existing' })]);
        // The second chunk (index 500 on) violates a NOT NULL column, after
        // the first chunk was already written inside the transaction.
        const batch = Array.from({ length: 600 }, (_, i) =>
          signal({ externalId: `id-${i}` }),
        );
        batch[550] = { ...batch[550], kind: null as any };
        batch.push(signal({ externalId: 'existing', severity: 'high' }));

        // Not rejects.toThrow(): a SqliteError may come from another test
        // file's realm and fail `instanceof Error`.
        await expect(store.ingest(batch)).rejects.toMatchObject({
          message: expect.stringMatching(/not[- ]null/i),
        });

        const all = await rows();
        expect(all.map(r => [r.external_id, r.severity])).toEqual([
          ['existing', null],
        ]);
      });
    });

    describe('summarize', () => {
      const ref = 'component:default/checkout-api';

      it('answers zero counts and no lastSignalAt for an entity without signals', async () => {
        await expect(store.summarize(ref, NOW)).resolves.toEqual({
          entityRef: ref,
          generatedAt: NOW.toISOString(),
          lastSignalAt: undefined,
          windows: [
            { window: '7d', days: 7, total: 0, byKind: {} },
            { window: '28d', days: 28, total: 0, byKind: {} },
            { window: '90d', days: 90, total: 0, byKind: {} },
          ],
        });
      });

      it('counts by kind over 7, 28 and 90 days ending at now', async () => {
        let n = 0;
        const at = (
          kind: NormalizedSignal['kind'],
          occurredAt: Date,
          entityRef = ref,
        ) => signal({ externalId: `s-${n++}`, kind, occurredAt, entityRef });

        await store.ingest([
          at('support_case', daysAgo(0)), // exactly now: counted
          at('support_case', daysAgo(2)),
          at('incident', daysAgo(7, 1)), // 1 ms inside 7 days
          at('incident', daysAgo(7)), // exactly 7 days: outside 7d
          at('support_case', daysAgo(10)),
          at('csat_response', daysAgo(27)),
          at('support_case', daysAgo(60)),
          at('near_miss', daysAgo(90, 1)), // 1 ms inside 90 days
          at('near_miss', daysAgo(90)), // exactly 90 days: nowhere
          at('support_case', daysAgo(100)), // nowhere
          at('support_case', daysAgo(0, 1)), // 1 ms in the future: nowhere
          at('support_case', daysAgo(1), 'component:default/payments'),
        ]);

        const summary = await store.summarize(ref, NOW);
        expect(summary.windows).toEqual([
          {
            window: '7d',
            days: 7,
            total: 3,
            byKind: { support_case: 2, incident: 1 },
          },
          {
            window: '28d',
            days: 28,
            total: 6,
            byKind: { support_case: 3, incident: 2, csat_response: 1 },
          },
          {
            window: '90d',
            days: 90,
            total: 8,
            byKind: {
              support_case: 4,
              incident: 2,
              csat_response: 1,
              near_miss: 1,
            },
          },
        ]);
        expect(summary.lastSignalAt).toBe(NOW.toISOString());
        expect(summary.generatedAt).toBe(NOW.toISOString());
      });

      it('reports lastSignalAt even when it is older than every window', async () => {
        const old = new Date('2025-01-02T03:04:05.678Z');
        await store.ingest([signal({ occurredAt: old })]);
        const summary = await store.summarize(ref, NOW);
        expect(summary.lastSignalAt).toBe('2025-01-02T03:04:05.678Z');
        expect(summary.windows.map(w => w.total)).toEqual([0, 0, 0]);
      });

      it('ignores signals after now for lastSignalAt', async () => {
        await store.ingest([
          signal({ externalId: 'past', occurredAt: daysAgo(3, 5) }),
          signal({ externalId: 'future', occurredAt: daysAgo(-1) }),
        ]);
        expect((await store.summarize(ref, NOW)).lastSignalAt).toBe(
          daysAgo(3, 5).toISOString(),
        );
      });

      it('looks the entity ref up case-insensitively', async () => {
        await store.ingest([signal({ occurredAt: daysAgo(1) })]);
        const summary = await store.summarize(
          'Component:Default/Checkout-API',
          NOW,
        );
        expect(summary.entityRef).toBe(ref);
        expect(summary.windows[0]).toEqual({
          window: '7d',
          days: 7,
          total: 1,
          byKind: { support_case: 1 },
        });
      });

      it('reflects updates, moving a signal between entities and windows', async () => {
        await store.ingest([signal({ occurredAt: daysAgo(1) })]);
        await store.ingest([
          signal({
            occurredAt: daysAgo(20),
            entityRef: 'component:default/payments',
          }),
        ]);
        expect(
          (await store.summarize(ref, NOW)).windows.map(w => w.total),
        ).toEqual([0, 0, 0]);
        expect(
          (
            await store.summarize('component:default/payments', NOW)
          ).windows.map(w => w.total),
        ).toEqual([0, 1, 1]);
      });
    });
  });
});
