import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { SignalStore } from '../signals/SignalStore';
import { GLOBAL_SCOPE, hashQuery, RollupStore } from './RollupStore';
import { RECONCILE_TASK_ID, RollupReconciler } from './RollupReconciler';
import { TaskStateStore } from '../database/TaskStateStore';
import { NormalizedSignal } from '../signals/types';
import { recountRollups, storedRollups } from './testing/recountRollups';

jest.setTimeout(60_000);

const ENTITIES = [
  'component:default/a',
  'component:default/b',
  'component:default/c',
];
const CASES = { kind: 'support_case' } as const;

function supportCase(id: number, entityRef: string, day: number) {
  return {
    source: 'reconcile',
    externalId: `case-${id}`,
    kind: 'support_case',
    entityRef,
    occurredAt: new Date(Date.UTC(2026, 10, day, 9)),
    resolvedAt: null,
    severity: 'high',
    account: null,
    value: 2,
    fieldRole: null,
    handledBy: null,
    attributes: null,
  } satisfies NormalizedSignal;
}

describe('RollupReconciler', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'repairs drifted rollups a bounded page at a time, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const rollups = new RollupStore(knex);
      await rollups.ensureQueries([CASES], GLOBAL_SCOPE);
      await new SignalStore(knex, rollups).ingest(
        Array.from({ length: 30 }, (_, i) =>
          supportCase(i, ENTITIES[i % 3], 1 + (i % 4)),
        ),
      );
      const correct = await recountRollups(knex);
      const hash = hashQuery(CASES);

      // Three kinds of drift: undercounted, missing, and counted for
      // signals that do not exist.
      await knex('user_trust_rollups')
        .where({ entity_ref: ENTITIES[0], query_hash: hash, day: '2026-11-01' })
        .update({ signal_count: 1, value_sum: 2 });
      await knex('user_trust_rollups')
        .where({ entity_ref: ENTITIES[2], query_hash: hash, day: '2026-11-02' })
        .delete();
      await knex('user_trust_rollups').insert({
        entity_ref: ENTITIES[1],
        query_hash: hash,
        day: '2026-10-15',
        signal_count: 4,
        value_sum: 8,
      });
      expect(await storedRollups(knex)).not.toEqual(correct);

      const logger = mockServices.logger.mock();
      const repairedEntities: string[][] = [];
      const state = new TaskStateStore(knex);
      const reconciler = new RollupReconciler({
        rollups,
        state,
        logger,
        entitiesPerRun: 2,
        onRepaired: async refs => {
          repairedEntities.push(refs);
        },
      });

      // First page: entities a and b.
      expect(await reconciler.runOnce()).toBe(2);
      expect(repairedEntities).toEqual([[ENTITIES[0], ENTITIES[1]]]);
      expect(await state.get(RECONCILE_TASK_ID)).toEqual({
        after: ENTITIES[1],
        checked: 2,
        repaired: 2,
      });
      // Second page: entity c, the end of the pass.
      expect(await reconciler.runOnce()).toBe(1);
      expect(repairedEntities[1]).toEqual([ENTITIES[2]]);
      expect(await storedRollups(knex)).toEqual(correct);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          `Repaired a drifted rollup of ${ENTITIES[0]} (query ${hash.slice(
            0,
            12,
          )}, 2026-11-01): stored 1 signals / sum 2, recounted 3 / 6`,
        ),
      );
      expect(logger.info).toHaveBeenCalledWith(
        'Rollup reconciliation pass done: 3 entities checked, 3 rollup rows repaired',
      );
      expect(await state.get(RECONCILE_TASK_ID)).toEqual({
        after: '',
        checked: 0,
        repaired: 0,
      });

      // Nothing drifted: nothing written, nobody told.
      expect(await reconciler.runOnce()).toBe(0);
      expect(await reconciler.runOnce()).toBe(0);
      expect(repairedEntities).toHaveLength(2);
      await knex.destroy();
    },
  );
});
