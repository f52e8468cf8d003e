import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import fc from 'fast-check';
import {
  dayKey,
  SignalQuery,
  signalMatchesQuery,
} from '@user-trust/plugin-user-trust-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { SignalStore } from '../signals/SignalStore';
import {
  GLOBAL_SCOPE,
  hashQuery,
  RollupStore,
  rowToRollupSignal,
} from './RollupStore';
import { NormalizedSignal, SignalRow } from '../signals/types';

jest.setTimeout(120_000);

const DAY = 24 * 60 * 60 * 1000;
const BASE = Date.parse('2026-10-01T00:00:00Z');
const ENTITIES = ['component:default/a', 'component:default/b'];

const QUERIES: SignalQuery[] = [
  { kind: 'support_case' },
  { kind: 'support_case', attributes: { escalated: true } },
  { kind: ['support_case', 'incident'], severity: ['critical', 'high'] },
  { kind: 'csat_response', valueAtLeast: 4 },
  { kind: 'customer_activity' },
  { kind: 'known_event' },
];
/** Registered only after the signals exist: filled by a rebuild. */
const LATE_QUERY: SignalQuery = { kind: 'csat_response', valueAtMost: 2 };

const signalArb = fc.record({
  externalId: fc.integer({ min: 0, max: 40 }).map(n => `s-${n}`),
  kind: fc.constantFrom(
    'support_case',
    'incident',
    'csat_response',
    'customer_activity',
    'known_event',
  ),
  entityRef: fc.constantFrom(...ENTITIES),
  day: fc.integer({ min: 0, max: 20 }),
  spanDays: fc.integer({ min: 0, max: 3 }),
  severity: fc.constantFrom(null, 'critical', 'high', 'low'),
  value: fc.constantFrom(null, 1, 2, 3, 4, 5, 250),
  escalated: fc.constantFrom(undefined, true, false),
});

type GeneratedSignal = typeof signalArb extends fc.Arbitrary<infer T>
  ? T
  : never;

function toSignal(s: GeneratedSignal): NormalizedSignal {
  const occurredAt = new Date(BASE + s.day * DAY + 3600_000);
  return {
    source: 'prop',
    externalId: s.externalId,
    kind: s.kind as NormalizedSignal['kind'],
    entityRef: s.entityRef,
    occurredAt,
    resolvedAt:
      s.kind === 'known_event'
        ? new Date(occurredAt.getTime() + s.spanDays * DAY)
        : null,
    severity: s.severity as NormalizedSignal['severity'],
    account: null,
    value: s.value,
    fieldRole: null,
    handledBy: null,
    attributes:
      s.escalated === undefined
        ? null
        : JSON.stringify({ escalated: s.escalated }),
  };
}

/** Rollups recomputed from the raw signals, the slow and obvious way. */
async function recompute(knex: Knex, queries: SignalQuery[]) {
  const rows = await knex<SignalRow>('user_trust_signals');
  const expected = new Map<string, { count: number; sum: number }>();
  for (const row of rows) {
    const signal = rowToRollupSignal(row);
    const days =
      signal.kind === 'known_event' && signal.resolvedAt
        ? Array.from(
            {
              length:
                Math.floor(
                  (signal.resolvedAt.getTime() -
                    Date.parse(`${dayKey(signal.occurredAt)}T00:00:00Z`)) /
                    DAY,
                ) + 1,
            },
            (_, i) => dayKey(new Date(signal.occurredAt.getTime() + i * DAY)),
          )
        : [dayKey(signal.occurredAt)];
    for (const query of queries) {
      const matchable = {
        kind: signal.kind,
        severity: signal.severity ?? undefined,
        value: signal.value ?? undefined,
        attributes: signal.attributes ?? undefined,
      };
      if (!signalMatchesQuery(matchable, query)) continue;
      for (const day of days) {
        const key = `${signal.entityRef}|${hashQuery(query)}|${day}`;
        const bucket = expected.get(key) ?? { count: 0, sum: 0 };
        bucket.count += 1;
        bucket.sum += signal.value ?? 0;
        expected.set(key, bucket);
      }
    }
  }
  return expected;
}

async function stored(knex: Knex) {
  const rows = await knex('user_trust_rollups');
  return new Map(
    rows
      .filter(r => Number(r.signal_count) !== 0 || Number(r.value_sum) !== 0)
      .map(r => [
        `${r.entity_ref}|${r.query_hash}|${r.day}`,
        { count: Number(r.signal_count), sum: Number(r.value_sum) },
      ]),
  );
}

describe('RollupStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('keeps rollups equal to a recomputation from the raw signals', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const rollups = new RollupStore(knex);
      const store = new SignalStore(knex, rollups);
      await rollups.ensureQueries(QUERIES, GLOBAL_SCOPE);

      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(signalArb, { maxLength: 25 }), {
            minLength: 1,
            maxLength: 4,
          }),
          async batches => {
            await knex('user_trust_signals').delete();
            await knex('user_trust_rollups').delete();
            // Several batches: later ones update or repeat earlier signals.
            for (const batch of batches) {
              const unique = new Map(
                batch.map(s => [s.externalId, toSignal(s)]),
              );
              await store.ingest([...unique.values()]);
            }
            expect(await stored(knex)).toEqual(await recompute(knex, QUERIES));
          },
        ),
        { numRuns: 15 },
      );

      // A query registered after the fact is filled from stored signals.
      await rollups.ensureQueries([LATE_QUERY], GLOBAL_SCOPE);
      expect(await stored(knex)).toEqual(
        await recompute(knex, [...QUERIES, LATE_QUERY]),
      );
      await knex.destroy();
    });

    it('reads only the days asked for, never later ones', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const rollups = new RollupStore(knex);
      const query: SignalQuery = { kind: 'support_case' };
      await rollups.ensureQueries([query], GLOBAL_SCOPE);
      // Stored directly: signals dated in 2099, from before ingestion
      // bounded occurredAt, must not count as recent.
      await new SignalStore(knex, rollups).ingest(
        [1, 2099].map(year => ({
          ...toSignal({
            externalId: `case-${year}`,
            kind: 'support_case',
            entityRef: ENTITIES[0],
            day: 1,
            spanDays: 0,
            severity: null,
            value: null,
            escalated: undefined,
          }),
          occurredAt: new Date(
            year === 1 ? '2026-10-02T10:00:00Z' : '2099-01-01T10:00:00Z',
          ),
        })),
      );
      const hash = hashQuery(query);
      const days = async (read: Promise<Map<string, Map<string, unknown>>>) => [
        ...((await read).get(hash)?.keys() ?? []),
      ];
      expect(
        await days(
          rollups.readSeries(ENTITIES[0], [hash], '2026-09-01', '2026-10-31'),
        ),
      ).toEqual(['2026-10-02']);
      const many = await rollups.readSeriesMany(
        [ENTITIES[0]],
        [hash],
        '2026-09-01',
        '2026-10-31',
      );
      expect([...(many.get(ENTITIES[0])?.get(hash)?.keys() ?? [])]).toEqual([
        '2026-10-02',
      ]);
      const totals = await rollups.totalsByEntity(
        [ENTITIES[0]],
        [hash],
        '2026-09-01',
        '2026-10-31',
      );
      expect(totals.get(ENTITIES[0])?.get(hash)).toBe(1);
      await knex.destroy();
    });

    it('keeps entity-scoped queries for that entity only', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const rollups = new RollupStore(knex);
      const store = new SignalStore(knex, rollups);
      const query: SignalQuery = { kind: 'incident' };
      const incident = (entityRef: string, id: string) => ({
        ...toSignal({
          externalId: id,
          kind: 'incident',
          entityRef,
          day: 1,
          spanDays: 0,
          severity: 'high',
          value: null,
          escalated: undefined,
        }),
      });

      await store.ingest([incident(ENTITIES[0], 'i-1')]);
      const added = await rollups.ensureQueries([query], ENTITIES[0]);
      expect(added).toHaveLength(1);
      await store.ingest([
        incident(ENTITIES[0], 'i-2'),
        incident(ENTITIES[1], 'i-3'),
      ]);

      const series = (ref: string) =>
        rollups.readSeries(ref, [hashQuery(query)], '2026-01-01', '2026-12-31');
      const forA = (await series(ENTITIES[0])).get(hashQuery(query));
      expect([...forA!.values()].reduce((n, b) => n + b.count, 0)).toBe(2);
      expect((await series(ENTITIES[1])).size).toBe(0);

      // Registering it globally covers every entity, and only once.
      await rollups.ensureQueries([query], GLOBAL_SCOPE);
      const forB = (await series(ENTITIES[1])).get(hashQuery(query));
      expect([...forB!.values()].reduce((n, b) => n + b.count, 0)).toBe(1);
      await store.ingest([incident(ENTITIES[0], 'i-4')]);
      const again = (await series(ENTITIES[0])).get(hashQuery(query));
      expect([...again!.values()].reduce((n, b) => n + b.count, 0)).toBe(3);
      await knex.destroy();
    });
  });
});
