import { TestDatabases } from '@backstage/backend-test-utils';
import { SignalQuery } from '@user-trust/plugin-user-trust-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { SignalStore } from '../signals/SignalStore';
import { GLOBAL_SCOPE, RollupStore } from './RollupStore';
import { NormalizedSignal } from '../signals/types';
import { recountRollups, storedRollups } from './testing/recountRollups';

jest.setTimeout(180_000);

const ENTITIES = [
  'component:default/a',
  'component:default/b',
  'component:default/c',
];
const DAY = 24 * 60 * 60 * 1000;
const BASE = Date.parse('2026-10-01T00:00:00Z');

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function batch(id: number, size: number, next: () => number) {
  const kinds = ['support_case', 'incident', 'csat_response'] as const;
  return Array.from(
    { length: size },
    (_, i): NormalizedSignal => ({
      source: 'concurrency',
      // Some ids repeat across batches: updates as well as inserts.
      externalId: `s-${Math.floor(next() * 4 * size * (id + 1))}-${i % 3}`,
      kind: kinds[Math.floor(next() * kinds.length)],
      entityRef: ENTITIES[Math.floor(next() * ENTITIES.length)],
      occurredAt: new Date(BASE + Math.floor(next() * 20) * DAY + 3600_000),
      resolvedAt: null,
      severity: next() < 0.5 ? 'high' : 'low',
      account: null,
      value: 1 + Math.floor(next() * 5),
      fieldRole: null,
      handledBy: null,
      attributes: null,
    }),
  ).filter(
    // Unique within the batch, as validation guarantees.
    (s, i, all) => all.findIndex(o => o.externalId === s.externalId) === i,
  );
}

describe('RollupStore under concurrent ingestion', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'fills newly registered queries so that no signal is missed, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      // Each replica has its own stores; they share only the database.
      const replicas = [0, 1].map(() => {
        const rollups = new RollupStore(knex);
        return { rollups, signals: new SignalStore(knex, rollups) };
      });
      await replicas[0].rollups.ensureQueries(
        [{ kind: 'support_case' }],
        GLOBAL_SCOPE,
      );

      const next = random(42);
      const ingestLoop = async (replica: number) => {
        for (let id = 0; id < 12; id++) {
          await replicas[replica].signals.ingest(batch(id, 150, next));
        }
      };
      const newQueries: Array<[SignalQuery, string]> = [];
      for (let i = 0; i < 6; i++) {
        newQueries.push([
          { kind: 'incident', severity: i % 2 ? ['high'] : ['low'] },
          GLOBAL_SCOPE,
        ]);
        newQueries.push([
          { kind: 'csat_response', valueAtLeast: 1 + (i % 5) },
          ENTITIES[i % ENTITIES.length],
        ]);
        newQueries.push([
          { kind: 'support_case', valueAtMost: 1 + i },
          GLOBAL_SCOPE,
        ]);
      }
      const registerLoop = async () => {
        for (const [i, [query, scope]] of newQueries.entries()) {
          // Registration races ingests that are already under way.
          await new Promise(resolve => setTimeout(resolve, 20));
          await replicas[i % 2].rollups.ensureQueries([query], scope);
        }
      };

      await Promise.all([ingestLoop(0), ingestLoop(1), registerLoop()]);

      expect((await replicas[0].rollups.loadQueries()).length).toBeGreaterThan(
        10,
      );
      expect(await storedRollups(knex)).toEqual(await recountRollups(knex));
      await knex.destroy();
    },
  );
});
